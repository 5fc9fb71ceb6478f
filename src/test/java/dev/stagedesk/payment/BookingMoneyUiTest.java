package dev.stagedesk.payment;

import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.payment.InvoiceStatus;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.SecondContext;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The booking's Payments tab: issue the deposit invoice, record its payment (a bad amount named first), see
 * the state and the invoice turn paid, then issue the final invoice that deducts the deposit.
 */
@ExtendWith(ApplicationExtension.class)
class BookingMoneyUiTest {
    static final Instant GIG = Instant.parse("2027-02-12T19:00:00Z");
    @TempDir
    Path dir;
    UiFixture ui;
    Booking gala;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        gala = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, GIG,
                GIG.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of());
        ui = new UiFixture(app, stage);
        ui.shell.show(Area.BOOKINGS);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @SuppressWarnings("unchecked")
    static TableView<BookingMoney.Invoice> invoices(FxRobot robot) {
        return robot.lookup("#bookingInvoices").queryAs(TableView.class);
    }

    static String summary(FxRobot robot) {
        return robot.lookup("#moneySummary").queryAs(Label.class).getText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void depositInvoicePaymentAndFinalInvoice(FxRobot robot) {
        TableView<BookingRow> table = robot.lookup("#bookingsTable").queryAs(TableView.class);
        UiFixture.until(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#openBooking");
        UiFixture.until(() -> robot.lookup("#paymentsTab").tryQuery().isPresent());
        robot.clickOn("#paymentsTab");
        UiFixture.until(() -> robot.lookup("#moneySummary").tryQuery().map(n -> summary(robot).contains("Deposit due"))
                .orElse(false));
        assertThat(summary(robot)).contains("2,380.00 EUR").contains("714.00 EUR");

        robot.clickOn("#issueDeposit");
        UiFixture.until(() -> robot.lookup("#issuePreview").tryQuery().isPresent());
        assertThat(robot.lookup("#issuePreview").queryAs(Label.class).getText()).isEqualTo("600.00 EUR + tax 114.00 EUR = 714.00 EUR");
        // the test agency has no address or tax ID: said in the dialog, and issuing is still allowed
        assertThat(robot.lookup("#issueLacks").queryAs(Label.class).getText())
                .startsWith("This invoice lacks what an invoice legally needs:").contains("the agency's tax ID");
        // issue 18: the sheet's title wraps rather than being cut
        Label title = robot.lookup("#formSheet .screen-title").queryAs(Label.class);
        assertThat(UiFixture.shown(title)).isEqualTo(title.getText());
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#bookingInvoices").tryQuery().map(n -> invoices(robot).getItems().size() == 1)
                .orElse(false));
        assertThat(invoices(robot).getItems().get(0).number()).isEqualTo("INV-2026-0001");
        assertThat(invoices(robot).getItems().get(0).totalMinor()).isEqualTo(71_400);

        robot.clickOn("#recordPayment");
        UiFixture.until(() -> robot.lookup("#paymentAmount").tryQuery().isPresent());
        assertThat(robot.lookup("#paymentAmount").queryTextInputControl().getText()).as("the deposit still open")
                .isEqualTo("714.00");
        robot.interact(() -> robot.lookup("#paymentAmount").queryTextInputControl().setText("7,14x"));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup(".field-error").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("not an amount")));
        robot.interact(() -> robot.lookup("#paymentAmount").queryTextInputControl().setText("714.00"));
        robot.interact(() -> robot.lookup("#paymentReference").queryTextInputControl().setText("SEPA 0815"));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#moneySummary").tryQuery().map(n -> summary(robot).contains("Partly paid"))
                .orElse(false));
        UiFixture.until(() -> invoices(robot).getItems().size() == 1 && invoices(robot).getItems().get(0).status() == InvoiceStatus.PAID);

        robot.clickOn("#issueFinal");
        UiFixture.until(() -> robot.lookup("#issuePreview").tryQuery().isPresent());
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#bookingInvoices").tryQuery().map(n -> invoices(robot).getItems().size() == 2)
                .orElse(false));
        var fin = invoices(robot).getItems().get(1);
        assertThat(fin.number()).isEqualTo("INV-2026-0002");
        assertThat(fin.totalMinor()).isEqualTo(238_000 - 71_400);
        assertThat(ui.app.database.dsl().fetchCount(INVOICE)).isEqualTo(2);

        // issue 18: the Documents tab says issued invoices join it, and they do
        robot.clickOn("#documentsTab");
        UiFixture.until(() -> robot.lookup("#bookingInvoiceDocuments").tryQuery()
                .map(n -> ((ListView<?>) n).getItems().size() == 2).orElse(false));
        assertThat(robot.lookup("#bookingInvoiceDocuments").queryAs(ListView.class).getItems())
                .extracting(i -> ((BookingMoney.Invoice) i).number()).containsExactly("INV-2026-0001", "INV-2026-0002");
    }
    @Test
    @SuppressWarnings("unchecked")
    void termsChangedElsewhereAreRefusedInTheSheetAndReloadShowsThemToSaveAgain(FxRobot robot) {
        TableView<BookingRow> table = robot.lookup("#bookingsTable").queryAs(TableView.class);
        UiFixture.until(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#openBooking");
        UiFixture.until(() -> robot.lookup("#paymentsTab").tryQuery().isPresent());
        robot.clickOn("#paymentsTab");
        UiFixture.until(() -> robot.lookup("#moneySummary").tryQuery().map(n -> summary(robot).contains("Deposit due"))
                .orElse(false));
        // another console on the same store sets a 50 % deposit meanwhile
        var other = SecondContext.on(ui.app, new MovableClock(TestStore.NOW.plus(Duration.ofMinutes(75))));
        Actor maria = SecondContext.user(ui.app, "maria", "Maria Schulz", Set.of(Role.COORDINATOR));
        other.payments.updateTerms(maria, new PaymentService.UpdatePaymentTerms(gala.id(),
                other.bookingMoney(maria, gala.id()).version(), PaymentTerms.PERCENT, 5_000, PaymentTerms.BASIS_BOOKING,
                14, 7, null));
        robot.clickOn("#paymentTerms");
        UiFixture.until(() -> robot.lookup("#termsValue").tryQuery().isPresent());
        assertThat(robot.lookup("#termsValue").queryTextInputControl().getText()).as("as the tab loaded it")
                .isEqualTo("30");
        robot.interact(() -> robot.lookup("#termsValue").queryTextInputControl().setText("40"));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#formReload").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#formError").queryAs(Label.class).getText())
                .contains("changed by Maria Schulz on 21 Nov 2026 at 12:15");
        assertThat(ui.app.bookingMoney(Actor.owner(), gala.id()).depositValue()).isEqualTo(5_000);
        robot.interact(() -> robot.lookup("#formReload").queryAs(Hyperlink.class).fire());
        UiFixture.until(() -> robot.lookup("#termsValue").tryQuery()
                .map(n -> robot.lookup("#termsValue").queryTextInputControl().getText().equals("50")).orElse(false));
        robot.interact(() -> robot.lookup("#termsValue").queryTextInputControl().setText("40"));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> ui.app.bookingMoney(Actor.owner(), gala.id()).depositValue() == 4_000);
        assertThat(ui.app.bookingMoney(Actor.owner(), gala.id()).depositDueDays()).isEqualTo(14);
        ui.assertNoErrors();
    }
}
