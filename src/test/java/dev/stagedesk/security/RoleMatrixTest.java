package dev.stagedesk.security;

import dev.stagedesk.settings.UserService;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.inquiry.InquiryStatus;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.security.Actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.audit.AuditFilter;
import dev.stagedesk.backup.BackupService;
import dev.stagedesk.booking.AssignmentService;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.catalogue.PackageDraft;
import dev.stagedesk.catalogue.PackageService;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientFilter;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.client.ClientService;
import dev.stagedesk.command.Command;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.demo.DemoPlan;
import dev.stagedesk.expense.ExpenseService;
import dev.stagedesk.inquiry.InquiryDraft;
import dev.stagedesk.inquiry.InquiryService;
import dev.stagedesk.invoice.InvoiceService;
import dev.stagedesk.notification.NotificationService;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.performer.PerformerService;
import dev.stagedesk.settings.SettingsService;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.venue.VenueDraft;
import dev.stagedesk.venue.VenueService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/ROLES.md is the matrix; this runs every role against an operation needing each permission. */
class RoleMatrixTest {
    private static final List<Role> COLUMNS = List.of(Role.ADMIN, Role.COORDINATOR, Role.ACCOUNTANT, Role.PERFORMER);

    static Map<Permission, Set<Role>> documented() throws Exception {
        Map<Permission, Set<Role>> m = new EnumMap<>(Permission.class);
        for (String line : Files.readAllLines(Path.of("docs/ROLES.md"))) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Permission p = Permission.valueOf(cells[1].strip().replace("`", ""));
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (int i = 0; i < COLUMNS.size(); i++) {
                String cell = cells[3 + i].strip();
                assertThat(cell).as(p + " column " + COLUMNS.get(i)).isIn("yes", "no");
                if (cell.equals("yes")) {
                    roles.add(COLUMNS.get(i));
                }
            }
            m.put(p, roles);
        }
        return m;
    }

    @Test
    void theDocumentNamesEveryPermissionExactlyAsTheCodeGrantsIt() throws Exception {
        Map<Permission, Set<Role>> doc = documented();
        assertThat(doc.keySet()).containsExactlyInAnyOrder(Permission.values());
        for (Permission p : Permission.values()) {
            assertThat(p.roles()).as(p.name()).isEqualTo(doc.get(p));
        }
    }

    @Test
    void everyRoleIsAllowedOrRefusedAsTheDocumentSays(@TempDir Path dir) throws Exception {
        Map<Permission, Set<Role>> doc = documented();
        try (AppContext app = TestStore.open(dir)) {
            Actor admin = Actor.owner();
            var client = app.clients.create(admin, ClientDraft.of(ClientKind.PERSON, "Target"));
            var agency = app.settings.requireAgency();
            Map<Permission, Function<Actor, Command<?>>> operations = new EnumMap<>(Permission.class);
            operations.put(Permission.SETTINGS_EDIT, a -> new SettingsService.UpdateAgency(agency.version(), agency.toDraft()));
            operations.put(Permission.USERS_MANAGE, a -> new UserService.CreateUser("u" + a.roles(), "U", null,
                    EnumSet.of(Role.ACCOUNTANT), null, "x"));
            operations.put(Permission.BACKUP_RESTORE, a -> new BackupService.RecordBackup("f", 1, "2"));
            operations.put(Permission.OWN_PASSWORD, a -> new UserService.ChangeOwnPassword("x"));
            operations.put(Permission.NOTIFICATIONS_OWN, a -> new NotificationService.MarkAllRead(
                    null));
            operations.put(Permission.DEMO_GENERATE, a -> new DemoDataService.GenerateDemoData(
                    new DemoPlan(1, 1, 1, 1, 0), 1, false));
            operations.put(Permission.RECORDS_DELETE, a -> new ClientService.DeleteClient(client.id()));
            operations.put(Permission.CLIENTS_EDIT, a -> new ClientService.CreateClient(ClientDraft.of(ClientKind.PERSON, "N")));
            operations.put(Permission.VENUES_EDIT, a -> new VenueService.CreateVenue(VenueDraft.of("V", "Berlin")));
            operations.put(Permission.PERFORMERS_EDIT, a -> new PerformerService.CreatePerformer(new PerformerDraft(
                    "P", null, null, null, List.of(), List.of(), 0, "EUR", 0, 0, null, null, null, true, null)));
            operations.put(Permission.BOOKINGS_EDIT, a -> new BookingService.CreateBooking(
                    new BookingDraft("Gala", client.id(), null, null,
                            Instant.parse("2027-01-01T18:00:00Z"), Instant.parse("2027-01-01T22:00:00Z"),
                            "Europe/Berlin", "EUR", 0, 0, 1, null, null), BookingStatus.CONFIRMED, List.of()));
            operations.put(Permission.INQUIRIES_EDIT, a -> new InquiryService.CreateInquiry(
                    new InquiryDraft(client.id(), "Gala", null, null, "Europe/Berlin", true, null,
                            null, null, null, "EUR", "PHONE", null, null)));
            operations.put(Permission.PACKAGES_EDIT, a -> new PackageService.CreatePackage(
                    PackageDraft.of("P", 60, 100, "EUR")));
            operations.put(Permission.DATA_EXPORT, null); // checked by the export command itself (CliTest)
            // asked for only when a conflict is overridden (AssignmentConflictTest)
            operations.put(Permission.CONFLICTS_OVERRIDE, null);
            operations.put(Permission.PAYOUTS_EDIT, a -> new AssignmentService.MarkPayoutsPaid(
                    List.of(UUID.randomUUID()), LocalDate.of(2026, 1, 5), "CASH", null));
            // a performer logs only their own (an actor tied to a performer): ExpenseServiceTest
            operations.put(Permission.EXPENSES_LOG, null);
            operations.put(Permission.OVERHEAD_EDIT, a -> new ExpenseService.RecordOverhead(null,
                    new ExpenseService.OverheadDraft("Rent", "Landlord", null, 100_000, "EUR",
                            "BANK_TRANSFER", LocalDate.of(2026, 1, 5)), null));
            operations.put(Permission.PAYMENTS_EDIT, a -> new PaymentService.RecordPayment(
                    UUID.randomUUID(), "DEPOSIT", 100, "CASH", LocalDate.of(2026, 1, 5), null, null, null));
            operations.put(Permission.INVOICES_ISSUE, a -> new InvoiceService.IssueInvoice(
                    UUID.randomUUID(), InvoiceKind.FINAL, null));
            var first = PageRequest.first(5);
            Map<Permission, Consumer<Actor>> reads = new EnumMap<>(Permission.class);
            reads.put(Permission.OVERHEAD_VIEW, a -> app.expenseQuery.overheadExpenses(a, first));
            reads.put(Permission.AUDIT_VIEW, a -> app.auditLog.page(a, AuditFilter.NONE, first));
            reads.put(Permission.DASHBOARD_VIEW, a -> app.dashboardQuery.summary(a, TestStore.NOW, ZoneOffset.UTC));
            reads.put(Permission.CLIENTS_VIEW, a -> app.clientQuery.page(a, first, ClientFilter.NONE));
            reads.put(Permission.PERFORMERS_VIEW, a -> app.performerQuery.page(a, first, false));
            reads.put(Permission.INQUIRIES_VIEW, a -> app.inquiryQuery.page(a, first, (InquiryStatus) null));
            reads.put(Permission.PAYMENTS_VIEW, a -> {
                app.paymentQuery.page(a, first);
                app.invoiceQuery.page(a, first);
            });
            reads.put(Permission.RULES_RUN, a -> app.dueRules.runDue(a));
            reads.put(Permission.REPORTS_VIEW, a -> app.reportQuery.monthly(a, YearMonth.of(2026, 1),
                    YearMonth.of(2026, 12)));
            // the VIEW_ALL reads narrow rather than refuse: PerformerScopeTest checks what each role sees
            reads.put(Permission.BOOKINGS_VIEW_ALL, null);
            reads.put(Permission.PAYOUTS_VIEW_ALL, null);
            reads.put(Permission.EXPENSES_VIEW_ALL, null);
            reads.keySet().forEach(p -> operations.put(p, null));
            assertThat(operations.keySet()).containsExactlyInAnyOrder(Permission.values());
            for (Permission p : Permission.values()) {
                for (Role role : Role.values()) {
                    Actor actor = new Actor(null, role.name().toLowerCase(), EnumSet.of(role));
                    boolean allowed = doc.get(p).contains(role);
                    assertThat(actor.can(p)).as(p + " for " + role).isEqualTo(allowed);
                    var read = reads.get(p);
                    if (read != null) {
                        if (allowed) {
                            read.accept(actor);
                        } else {
                            assertThatThrownBy(() -> read.accept(actor)).as(p + " for " + role)
                                    .isInstanceOf(PermissionDeniedException.class);
                        }
                    }
                    if (operations.get(p) == null) {
                        continue;
                    }
                    Command<?> command = operations.get(p).apply(actor);
                    if (allowed) {
                        try {
                            app.bus.tryAll(actor, List.of(command)); // applied and rolled back
                        } catch (RuntimeException e) {
                            assertThat(e).as(p + " for " + role).hasRootCauseInstanceOf(RuntimeException.class)
                                    .satisfies(x -> assertThat(x.getCause()).isNotInstanceOf(PermissionDeniedException.class));
                        }
                    } else {
                        assertThatThrownBy(() -> app.bus.tryAll(actor, List.of(command))).as(p + " for " + role)
                                .hasCauseInstanceOf(PermissionDeniedException.class);
                    }
                }
            }
        }
    }
}
