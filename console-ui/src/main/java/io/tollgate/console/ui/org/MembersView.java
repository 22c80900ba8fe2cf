package io.tollgate.console.ui.org;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Confirm;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Notifications;
import io.tollgate.console.ui.components.PageHeader;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Members and their roles, pending invitations, inviting by email. */
@Route("members")
@PageTitle("Members · Tollgate")
public class MembersView extends VerticalLayout {

    static final List<String> ROLES = List.of("viewer", "developer", "admin", "owner");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final TenantApiClient api;

    @Inject
    public MembersView(TenantApiClient api) {
        this.api = api;
        refresh();
    }

    private void refresh() {
        removeAll();
        String base = CurrentOrganization.path();
        Button invite = new Button("Invite", VaadinIcon.ENVELOPE.create(), e -> inviteDialog().open());
        invite.setId("invite-member");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.setEnabled(CurrentOrganization.canAdminister());
        add(new PageHeader("Members", "People in " + CurrentOrganization.require().name()
                + ": viewers read, developers change APIs, admins manage people and keys, owners everything.", invite));
        Grid<Wire.Member> members = new Grid<>();
        members.addColumn(m -> m.email() == null ? m.name() : m.email()).setHeader("Person").setFlexGrow(2);
        members.addComponentColumn(m -> {
            Select<String> role = new Select<>();
            role.setItems(ROLES);
            role.setValue(m.role());
            role.setEnabled(CurrentOrganization.canAdminister());
            role.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                try {
                    api.patch(base + "/members/" + m.id(), new Wire.RoleChange(e.getValue()), Wire.Member.class);
                    Notifications.success((m.email() == null ? m.name() : m.email()) + " is now " + e.getValue());
                } catch (ApiProblem problem) {
                    role.setValue(e.getOldValue());
                    Notifications.error(problem.getMessage());
                }
            });
            return role;
        }).setHeader("Role").setAutoWidth(true);
        members.addColumn(m -> DAY.format(m.joinedAt())).setHeader("Joined").setAutoWidth(true);
        members.addComponentColumn(m -> {
            Button remove = new Button("Remove", e -> Confirm.destructive("Remove " + m.email() + "?",
                    "They lose access to this organization at once.", "Remove", () -> {
                        try {
                            api.delete(base + "/members/" + m.id());
                            Notifications.success(m.email() + " removed");
                            refresh();
                        } catch (ApiProblem problem) {
                            Notifications.error(problem.getMessage());
                        }
                    }));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setEnabled(CurrentOrganization.canAdminister());
            return remove;
        }).setAutoWidth(true);
        members.setItems(api.list(base + "/members", Wire.Member.class));
        members.setAllRowsVisible(true);
        members.setId("members-grid");
        add(members);

        List<Wire.Invitation> invitations = api.list(base + "/invitations", Wire.Invitation.class);
        if (!invitations.isEmpty()) {
            Grid<Wire.Invitation> pending = new Grid<>();
            pending.addColumn(Wire.Invitation::email).setHeader("Email").setFlexGrow(2);
            pending.addColumn(Wire.Invitation::role).setHeader("Role").setAutoWidth(true);
            pending.addColumn(i -> DAY.format(i.expiresAt())).setHeader("Expires").setAutoWidth(true);
            pending.addComponentColumn(i -> {
                Button revoke = new Button("Revoke", e -> Confirm.destructive("Revoke the invitation of " + i.email() + "?",
                        "They will not join unless invited again.", "Revoke", () -> {
                            try {
                                api.delete(base + "/invitations/" + i.id());
                                Notifications.success("Invitation revoked");
                                refresh();
                            } catch (ApiProblem problem) {
                                Notifications.error(problem.getMessage());
                            }
                        }));
                revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                revoke.setEnabled(CurrentOrganization.canAdminister());
                return revoke;
            }).setAutoWidth(true);
            pending.setItems(invitations);
            pending.setAllRowsVisible(true);
            pending.setId("invitations-grid");
            add(new H3("Pending invitations"), pending);
        }
    }

    private Dialog inviteDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invite a person");
        EmailField email = new EmailField("Email");
        email.setWidth("22em");
        email.setId("invite-email");
        Select<String> role = new Select<>();
        role.setLabel("Role");
        role.setItems(ROLES);
        role.setValue("developer");
        dialog.add(new HorizontalLayout(email, role));
        FieldErrors errors = new FieldErrors().bind("email", email).bind("role", role);
        Button send = new Button("Invite", e -> {
            try {
                api.post(CurrentOrganization.path() + "/invitations", new Wire.NewInvitation(email.getValue().trim(), role.getValue()),
                        Wire.Invitation.class);
                dialog.close();
                Notifications.success("Invited " + email.getValue() + ": they join when they sign in with that email");
                refresh();
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        send.setId("invite-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        return dialog;
    }
}
