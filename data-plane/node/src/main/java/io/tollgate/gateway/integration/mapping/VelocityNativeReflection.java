package io.tollgate.gateway.integration.mapping;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Velocity creates its parts from class names in its default properties and in our settings, and
 * calls template methods reflectively: registered so that a native build has them. Maps, lists
 * and strings that templates navigate are JDK classes the native image keeps for reflection too.
 */
@RegisterForReflection(targets = {
        org.apache.velocity.runtime.ParserPoolImpl.class, org.apache.velocity.runtime.parser.StandardParser.class,
        org.apache.velocity.runtime.directive.Break.class, org.apache.velocity.runtime.directive.Define.class,
        org.apache.velocity.runtime.directive.Evaluate.class, org.apache.velocity.runtime.directive.Foreach.class,
        org.apache.velocity.runtime.directive.Include.class, org.apache.velocity.runtime.directive.Macro.class,
        org.apache.velocity.runtime.directive.Parse.class, org.apache.velocity.runtime.directive.Stop.class,
        org.apache.velocity.runtime.resource.ResourceCacheImpl.class, org.apache.velocity.runtime.resource.ResourceManagerImpl.class,
        org.apache.velocity.runtime.resource.loader.StringResourceLoader.class,
        org.apache.velocity.util.introspection.TypeConversionHandlerImpl.class, org.apache.velocity.util.introspection.UberspectImpl.class,
        org.apache.velocity.util.introspection.SecureUberspector.class, MappingTemplate.EmptyForNull.class,
        TemplateInput.class, TemplateUtil.class,
        java.util.HashMap.class, java.util.LinkedHashMap.class, java.util.TreeMap.class, java.util.ArrayList.class,
        java.util.Collections.class, String.class, Integer.class, Long.class, Double.class, Boolean.class})
final class VelocityNativeReflection {

    private VelocityNativeReflection() {
    }
}
