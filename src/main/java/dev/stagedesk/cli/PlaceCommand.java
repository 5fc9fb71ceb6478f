package dev.stagedesk.cli;

import dev.stagedesk.booking.Booking;
import dev.stagedesk.common.I18n;
import dev.stagedesk.map.Geocoder;
import dev.stagedesk.security.Actor;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Map-related one-liners: look an address up, set a booking's radius clause. */
final class PlaceCommand {
    private PlaceCommand() {
    }

    @Command(name = "geocode", mixinStandardHelpOptions = true,
            description = "Address to coordinates (cached; Google with the key in Settings › Map & travel). "
                    + "Prints latitude, longitude and Google's address.")
    static final class Geocode extends StoreCommand<CliStore.Placing> {
        @Parameters(index = "0", arity = "1..*", paramLabel = "ADDRESS")
        List<String> address;

        Geocode() {
            super(CliStore::placing);
        }

        @Override
        protected int run(CliStore.Placing app, Actor actor) {
            Geocoder.Place p = app.places().locate(actor, String.join(" ", address));
            out().println(String.join("\t", Double.toString(p.point().latitude()),
                    Double.toString(p.point().longitude()), p.formatted() == null ? "" : p.formatted()));
            return 0;
        }
    }

    @Command(name = "radius", mixinStandardHelpOptions = true,
            description = "A booking's radius clause: no other show of its performers within --km km within --days "
                    + "days. --clear removes it.")
    static final class Radius extends StoreCommand<CliStore.Placing> {
        @Parameters(index = "0", paramLabel = "BOOKING", description = "Booking number, e.g. BK-2026-000123.")
        String number;

        @Option(names = "--km")
        Integer km;

        @Option(names = "--days")
        Integer days;

        @Option(names = "--clear")
        boolean clear;

        Radius() {
            super(CliStore::placing);
        }

        @Override
        protected int run(CliStore.Placing app, Actor actor) {
            UUID id = InvoiceCommand.booking(app.database().dsl(), number);
            if (clear && (km != null || days != null)) {
                err().println(I18n.tr("cli.radius.clearOrSet"));
                return 2;
            }
            Booking b = app.bookings().find(id);
            Booking saved = app.bookings().setRadius(actor, id, b.version(), clear ? null : km, clear ? null : days);
            out().println(saved.number() + "\t" + (saved.radiusClause() == null ? I18n.tr("cli.radius.none")
                    : saved.radiusClause().text()));
            return 0;
        }
    }
}
