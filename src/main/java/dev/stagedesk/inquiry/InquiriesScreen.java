package dev.stagedesk.inquiry;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ListScreen;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.UiContext;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;

/** Inquiries, newest first, filterable by status. */
public final class InquiriesScreen {
    private InquiriesScreen() {
    }

    public static Screen create(InquiryQuery query, UiContext ui) {
        SimpleObjectProperty<String> status = new SimpleObjectProperty<>();
        ListScreen<InquiryRow> s = new ListScreen<>(tr("area.inquiries"), "inquiries", ui, 100,
                r -> query.page(ui.actor(), r, status.get()));
        var t = s.table();
        t.column(tr("inquiry.client"), "client", InquiryRow::clientName, 200);
        t.column(tr("inquiry.eventType"), "eventType", InquiryRow::eventType, 150);
        t.column(tr("inquiry.date"), "date", r -> r.datesTbd() ? tr("inquiry.datesTbd")
                : Format.dateTime(r.startsAt(), r.timeZone()), 190);
        t.column(tr("inquiry.status"), "status", r -> Format.enumLabel(r.status()), 100);
        t.column(tr("inquiry.source"), "source", r -> Format.enumLabel(r.source()), 110);
        t.numberColumn(tr("inquiry.budget"), "budget", r -> Format.money(r.budgetMinor(), r.currency()), 130);
        t.column(tr("inquiry.followUp"), "followUp", r -> Format.date(r.followUpOn()), 130);
        s.choiceFilter("inquiriesStatus", List.of("NEW", "CONTACTED", "QUOTED", "WON", "LOST", "CANCELLED"), status);
        return s;
    }
}
