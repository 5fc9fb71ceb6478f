package dev.stagedesk.payout;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ListScreen;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.UiContext;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;

/** Performer payouts per gig; unpaid ones first by default. */
public final class PayoutsScreen {
    private PayoutsScreen() {
    }

    public static Screen create(PayoutQuery query, UiContext ui) {
        SimpleObjectProperty<String> status = new SimpleObjectProperty<>("UNPAID");
        ListScreen<PayoutRow> s = new ListScreen<>(tr("area.payouts"), "payouts", ui, 100,
                r -> query.page(ui.actor(), r, status.get()));
        var t = s.table();
        t.column(tr("payout.performer"), "performer", PayoutRow::performer, 220);
        t.column(tr("payout.booking"), "booking", PayoutRow::bookingNumber, 130);
        t.column(tr("payout.date"), "date", r -> Format.dateTime(r.gigStart(), null), 180);
        t.column(tr("payout.role"), null, PayoutRow::role, 90);
        t.numberColumn(tr("payout.amount"), "payout", r -> Format.money(r.payoutMinor(), r.currency()), 130);
        t.numberColumn(tr("payout.commission"), null, r -> Format.percent(r.commissionBp()), 100);
        t.column(tr("payout.status"), "status", r -> Format.enumLabel(r.status()), 80);
        t.column(tr("payout.paidOn"), "paidOn", r -> Format.date(r.paidOn()), 130);
        s.choiceFilter("payoutsStatus", List.of("UNPAID", "PAID"), status);
        return s;
    }
}
