package io.tollgate.controlplane.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a create operation whose response holds a secret shown only once (an API key value, an access
 * token). Such responses are never stored, so these operations refuse an {@code Idempotency-Key} header
 * with 400 instead of replaying a response without the secret.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReturnsSecret {
}
