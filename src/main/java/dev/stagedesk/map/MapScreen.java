package dev.stagedesk.map;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ListScreen;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.venue.VenueFilter;
import dev.stagedesk.venue.VenueQuery;
import dev.stagedesk.venue.VenueRow;

/** The places the map will draw: every venue with its coordinates (read-only until the map issue). */
public final class MapScreen {
    private MapScreen() {
    }

    public static Screen create(VenueQuery venues, UiContext ui) {
        ListScreen<VenueRow> s = new ListScreen<>(tr("map.places"), "mapPlaces", ui, 100,
                r -> venues.page(r, VenueFilter.NONE));
        var t = s.table();
        t.column(tr("venue.name"), "name", VenueRow::name, 260);
        t.column(tr("venue.city"), "city", VenueRow::city, 140);
        t.column(tr("venue.countryCode"), "country", r -> Format.text(r.countryCode()), 80);
        t.numberColumn(tr("venue.latitude"), null, r -> Format.coordinate(r.latitude()), 110);
        t.numberColumn(tr("venue.longitude"), null, r -> Format.coordinate(r.longitude()), 110);
        return s;
    }
}
