package dev.stagedesk.performer;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ListScreen;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.UiContext;
import javafx.scene.control.CheckBox;

/** The roster: search by name, act, genre or city. */
public final class PerformersScreen {
    private PerformersScreen() {
    }

    public static Screen create(PerformerQuery query, java.util.function.Function<java.util.UUID,
            java.util.List<dev.stagedesk.audit.AuditEntry>> history, UiContext ui) {
        CheckBox activeOnly = new CheckBox(tr("filter.activeOnly"));
        activeOnly.setId("performersActiveOnly");
        ListScreen<PerformerRow> s = new ListScreen<>(tr("area.performers"), "performers", ui, 100,
                r -> query.page(ui.actor(), r, activeOnly.isSelected()));
        var t = s.table();
        t.column(tr("performer.stageName"), "stageName", PerformerRow::stageName, 220);
        t.column(tr("performer.acts"), "acts", PerformerRow::acts, 160);
        t.column(tr("performer.genres"), "genres", PerformerRow::genres, 140);
        t.column(tr("performer.homeCity"), "homeCity", r -> Format.text(r.homeCity()), 120);
        t.numberColumn(tr("performer.defaultFee"), "fee", r -> Format.money(r.defaultFeeMinor(), r.currency()), 130);
        t.numberColumn(tr("performer.commission"), "commission", r -> Format.percent(r.commissionBp()), 100);
        t.column(tr("performer.active"), "active", r -> r.active() ? tr("common.yes") : tr("common.no"), 70);
        activeOnly.selectedProperty().addListener((o, a, b) -> t.viewModel().firstPage());
        t.addTools(activeOnly);
        s.historyAction("performerHistory", PerformerRow::id, PerformerRow::stageName, history, ui);
        return s;
    }
}
