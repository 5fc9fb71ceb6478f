package dev.stagedesk.booking;

import dev.stagedesk.security.Permission;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ListScreen;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.UiContext;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;

/** Bookings, latest event first, filterable by status. */
public final class BookingsScreen {
    private BookingsScreen() {
    }

    public static Screen create(BookingQuery query, BookingService service, dev.stagedesk.command.CommandBus bus,
                                java.util.function.Function<java.util.UUID,
            java.util.List<dev.stagedesk.audit.AuditEntry>> history, UiContext ui) {
        SimpleObjectProperty<String> status = new SimpleObjectProperty<>();
        ListScreen<BookingRow> s = new ListScreen<>(tr("area.bookings"), "bookings", ui, 100,
                r -> query.page(ui.actor(), r, status.get(), null, null));
        var t = s.table();
        t.column(tr("booking.number"), "number", BookingRow::number, 130);
        t.column(tr("booking.status"), "status", r -> Format.enumLabel(r.status()), 100);
        t.column(tr("booking.date"), "date", r -> Format.dateTime(r.startsAt(), r.timeZone()), 180);
        t.column(tr("booking.title"), "title", BookingRow::title, 260);
        t.column(tr("booking.venue"), "venue", r -> Format.text(r.venueName()), 200);
        t.column(tr("booking.city"), null, r -> Format.text(r.city()), 110);
        if (ui.actor().can(Permission.BOOKINGS_VIEW_ALL)) {
            t.numberColumn(tr("booking.fee"), "fee", r -> Format.money(r.feeMinor(), r.currency()), 130);
        }
        s.choiceFilter("bookingsStatus", List.of("HOLD", "CONFIRMED", "COMPLETED", "CANCELLED"), status);
        if (ui.actor().can(Permission.BOOKINGS_VIEW_ALL)) {
            s.historyAction("bookingHistory", BookingRow::id, r -> r.number() + " — " + r.title(), history, ui);
        }
        if (ui.actor().can(Permission.BOOKINGS_EDIT)) {
            new BookingActions(service, bus, ui, s).install();
        }
        return s;
    }
}
