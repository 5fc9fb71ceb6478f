package dev.stagedesk.command;

import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.inquiry.InquiryService;
import dev.stagedesk.notification.NotificationService;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One audit entry per command, or an explicit "changed nothing" that commits nothing. */
class CommandBusTest {
    @TempDir
    Path dir;
    AppContext app;

    record Touch(String name, boolean declareNothing, boolean audit) implements Command<String> {
    }

    @BeforeEach
    void open() {
        app = TestStore.open(dir);
        app.bus.register(Touch.class, CommandHandler.of(Permission.SETTINGS_EDIT, (c, ctx) -> {
            // a row written, to see whether it is committed
            ctx.dsl().execute("UPDATE agency SET name = ?", c.name());
            if (c.audit()) {
                ctx.audit("touch", "agency", null, null, CommandContext.fields("name", c.name()));
            }
            if (c.declareNothing()) {
                ctx.nothingChanged();
            }
            return "ran " + c.name();
        }));
    }

    @AfterEach
    void close() {
        app.close();
    }

    private String agencyName() {
        return app.database.dsl().select(AGENCY.NAME).from(AGENCY).fetchOne(AGENCY.NAME);
    }

    @Test
    void commandThatChangedNothingReturnsItsResultWritesNoEntryAndCommitsNothing() {
        long entries = app.auditLog.count();
        assertThat(app.bus.execute(Actor.owner(), new Touch("Other", true, false))).isEqualTo("ran Other");
        assertThat(app.auditLog.count()).isEqualTo(entries);
        assertThat(agencyName()).isEqualTo("Test Agency");
    }

    @Test
    void commandWithoutAuditEntryOrDeclarationIsRefusedAndRolledBack() {
        long entries = app.auditLog.count();
        assertThatThrownBy(() -> app.bus.execute(Actor.owner(), new Touch("Other", false, false)))
                .hasMessageContaining("wrote no audit entry");
        assertThat(app.auditLog.count()).isEqualTo(entries);
        assertThat(agencyName()).isEqualTo("Test Agency");
    }

    @Test
    void declaringNothingChangedAfterAnAuditEntryIsAnError() {
        assertThatThrownBy(() -> app.bus.execute(Actor.owner(), new Touch("Other", true, true)))
                .hasMessageContaining("changed nothing but wrote an audit entry");
        assertThat(agencyName()).isEqualTo("Test Agency");
    }

    @Test
    void auditedCommandCommits() {
        long entries = app.auditLog.count();
        app.bus.execute(Actor.owner(), new Touch("Other", false, true));
        assertThat(app.auditLog.count()).isEqualTo(entries + 1);
        assertThat(agencyName()).isEqualTo("Other");
    }

    @Test
    void batchAcceptsACommandThatChangedNothing() {
        long entries = app.auditLog.count();
        List<Object> results = app.bus.executeAll(Actor.owner(), List.of(new Touch("A", false, true),
                new Touch("A", true, false)));
        assertThat(results).containsExactly("ran A", "ran A");
        assertThat(app.auditLog.count()).isEqualTo(entries + 1);
    }

    @Test
    void dueNoticeRunThatRaisesNothingLeavesNoAuditLine() {
        long entries = app.auditLog.count();
        int raised = app.bus.execute(Actor.owner(), new NotificationService.RaiseDueNotices(TestStore.NOW));
        assertThat(raised).isZero();
        assertThat(app.auditLog.count()).isEqualTo(entries);
        assertThat(app.database.dsl().fetchCount(CLIENT)).isZero();
    }

    @Test
    void otherScheduledRulesThatFindNothingLeaveNoAuditLine() {
        long entries = app.auditLog.count();
        assertThat(app.bus.execute(Actor.owner(), new BookingService.ProcessDueHolds())).isZero();
        assertThat(app.bus.execute(Actor.owner(),
                new PaymentService.RaiseOverdueNotices(LocalDate.of(2026, 11, 21)))).isZero();
        assertThat(app.bus.execute(Actor.owner(), new InquiryService.RaiseFollowUps())).isZero();
        assertThat(app.auditLog.count()).isEqualTo(entries);
    }
}
