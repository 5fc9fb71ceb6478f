package dev.stagedesk.security;

import static dev.stagedesk.security.Role.ACCOUNTANT;
import static dev.stagedesk.security.Role.ADMIN;
import static dev.stagedesk.security.Role.COORDINATOR;

import dev.stagedesk.common.I18n;
import java.util.EnumSet;
import java.util.Set;

/** What a command needs. The role matrix lives here, in one place; the command bus enforces it. */
public enum Permission {
    SETTINGS_EDIT("permission.settingsEdit", ADMIN),
    USERS_MANAGE("permission.usersManage", ADMIN),
    BACKUP_RESTORE("permission.backupRestore", ADMIN),
    OWN_PASSWORD("permission.ownPassword", ADMIN, COORDINATOR, ACCOUNTANT, Role.PERFORMER),
    NOTIFICATIONS_OWN("permission.notificationsOwn", ADMIN, COORDINATOR, ACCOUNTANT, Role.PERFORMER),
    DEMO_GENERATE("permission.demoGenerate", ADMIN),
    RECORDS_DELETE("permission.recordsDelete", ADMIN),
    CLIENTS_EDIT("permission.clientsEdit", ADMIN, COORDINATOR),
    VENUES_EDIT("permission.venuesEdit", ADMIN, COORDINATOR),
    PERFORMERS_EDIT("permission.performersEdit", ADMIN, COORDINATOR),
    DATA_EXPORT("permission.dataExport", ADMIN, COORDINATOR, ACCOUNTANT),
    OVERHEAD_VIEW("permission.overheadView", ADMIN, ACCOUNTANT),
    AUDIT_VIEW("permission.auditView", ADMIN, ACCOUNTANT),
    DASHBOARD_VIEW("permission.dashboardView", ADMIN, COORDINATOR, ACCOUNTANT),
    CLIENTS_VIEW("permission.clientsView", ADMIN, COORDINATOR, ACCOUNTANT),
    PERFORMERS_VIEW("permission.performersView", ADMIN, COORDINATOR, ACCOUNTANT),
    INQUIRIES_VIEW("permission.inquiriesView", ADMIN, COORDINATOR, ACCOUNTANT),
    BOOKINGS_VIEW_ALL("permission.bookingsViewAll", ADMIN, COORDINATOR, ACCOUNTANT),
    PAYMENTS_VIEW("permission.paymentsView", ADMIN, COORDINATOR, ACCOUNTANT),
    PAYOUTS_VIEW_ALL("permission.payoutsViewAll", ADMIN, ACCOUNTANT),
    EXPENSES_VIEW_ALL("permission.expensesViewAll", ADMIN, COORDINATOR, ACCOUNTANT),
    REPORTS_VIEW("permission.reportsView", ADMIN, ACCOUNTANT),
    BOOKINGS_EDIT("permission.bookingsEdit", ADMIN, COORDINATOR),
    INQUIRIES_EDIT("permission.inquiriesEdit", ADMIN, COORDINATOR),
    PACKAGES_EDIT("permission.packagesEdit", ADMIN),
    CONFLICTS_OVERRIDE("permission.conflictsOverride", ADMIN),
    PAYOUTS_EDIT("permission.payoutsEdit", ADMIN, ACCOUNTANT),
    EXPENSES_LOG("permission.expensesLog", ADMIN, Role.PERFORMER),
    OVERHEAD_EDIT("permission.overheadEdit", ADMIN, ACCOUNTANT),
    PAYMENTS_EDIT("permission.paymentsEdit", ADMIN, ACCOUNTANT),
    INVOICES_ISSUE("permission.invoicesIssue", ADMIN, ACCOUNTANT),
    RULES_RUN("permission.rulesRun", ADMIN, COORDINATOR, ACCOUNTANT);

    private final String descriptionKey;
    private final Set<Role> roles;

    Permission(String descriptionKey, Role first, Role... rest) {
        this.descriptionKey = descriptionKey;
        this.roles = EnumSet.of(first, rest);
    }

    public Set<Role> roles() {
        return roles;
    }

    /** "change agency settings", used in "You do not have permission to ...". */
    public String describe() {
        return I18n.tr(descriptionKey);
    }
}
