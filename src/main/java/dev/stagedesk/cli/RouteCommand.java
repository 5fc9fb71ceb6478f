package dev.stagedesk.cli;

import dev.stagedesk.common.Durations;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.map.GeoPoint;
import dev.stagedesk.map.Route;
import dev.stagedesk.map.RouteQuery;
import dev.stagedesk.map.RoutePlanner;
import dev.stagedesk.map.RouteService;
import dev.stagedesk.performer.PerformerRepository;
import dev.stagedesk.security.Actor;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "route", mixinStandardHelpOptions = true,
        description = "A performer's day as ordered stops (gigs and places): show it with each leg's distance and "
                + "travel time, suggest an order (--save keeps it as the day's schedule), add or remove a place.",
        subcommands = {RouteCommand.Show.class, RouteCommand.Plan.class, RouteCommand.AddStop.class,
            RouteCommand.RemoveStop.class})
final class RouteCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    abstract static class DayCommand extends StoreCommand<CliStore.Routes> {
        DayCommand() {
            super(CliStore::routes);
        }

        @Option(names = "--performer", required = true, paramLabel = "NAME", description = "Stage name.")
        String performer;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate date;

        UUID performerId(CliStore.Routes app) {
            var v = new Validator();
            UUID id = PerformerRepository.byStageName(app.database().dsl(), performer,
                    "performer", v);
            if (id == null) {
                throw new UserFacingException(v.errors().get(0).message());
            }
            return id;
        }

        /** One line a stop: position, planned start, label, window, stay, and the leg that leads to it. */
        void print(RouteQuery.Day day, Route.Schedule s) {
            DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
            for (int i = 0; i < s.order().size(); i++) {
                Route.Stop stop = s.order().get(i);
                Route.Leg leg = s.legs().get(i);
                String window = stop.windowStart().atZone(day.zone()).format(hm) + "-"
                        + stop.windowEnd().atZone(day.zone()).format(hm);
                String legText = i == 0 ? "" : leg.measured()
                        ? Math.round(leg.km()) + " km, " + Durations.minutes(leg.minutes()) : "distance unknown";
                out().println(String.join("\t", Integer.toString(i + 1), leg.start().atZone(day.zone()).format(hm),
                        stop.key(), stop.label(), window, Durations.minutes(stop.stayMinutes()), legText,
                        leg.feasible() ? "" : "LATE: " + Route.problem(leg, day.travel(), day.zone())));
            }
            err().println(I18n.tr("cli.route.summary", s.order().size(), Math.round(s.km()), s.late()));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The day in its order (saved, else by time).")
    static final class Show extends DayCommand {
        @Override
        protected int run(CliStore.Routes app, Actor actor) {
            RouteQuery.Day day = app.routeQuery().day(actor, performerId(app), date);
            Route.Schedule s = day.schedule();
            print(day, s);
            return s.feasible() ? 0 : 1;
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Suggests an order (nearest neighbour + 2-opt, keeping the time windows); --save keeps it.")
    static final class Plan extends DayCommand {
        @Option(names = "--save", description = "Save the suggestion as the performer's schedule for the day.")
        boolean save;

        @Override
        protected int run(CliStore.Routes app, Actor actor) {
            UUID id = performerId(app);
            RouteQuery.Day day = app.routeQuery().day(actor, id, date);
            Route.Schedule before = day.schedule();
            Route.Schedule s = RoutePlanner.plan(day.home(), day.stops(), day.travel());
            print(day, s);
            err().println(I18n.tr("cli.route.was", Math.round(before.km()), before.late()));
            if (save) {
                app.routes().save(actor, id, date, s.order().stream().map(Route.Stop::key).toList());
                err().println(I18n.tr("map.routeSaved", day.performer(), date));
            }
            return s.feasible() ? 0 : 1;
        }
    }

    @Command(name = "add-stop", mixinStandardHelpOptions = true,
            description = "Adds a place (a street performance) to the day: where, the window to start in, the stay.")
    static final class AddStop extends DayCommand {
        @Option(names = "--label", required = true)
        String label;

        @Option(names = "--at", required = true, paramLabel = "LAT,LON", description = "Coordinates, e.g. 52.52,13.405.")
        String at;

        @Option(names = "--from", required = true, paramLabel = "HH:MM", description = "Earliest start.")
        LocalTime from;

        @Option(names = "--to", required = true, paramLabel = "HH:MM", description = "Latest start.")
        LocalTime to;

        @Option(names = "--stay", defaultValue = "30", paramLabel = "MINUTES")
        int stay;

        @Override
        protected int run(CliStore.Routes app, Actor actor) {
            GeoPoint p = GeoPoint.parse("at", at);
            UUID stop = app.routes().add(actor, new RouteService.AddRouteStop(performerId(app), date, label, p.latitude(),
                    p.longitude(), from, to, stay));
            out().println(stop);
            return 0;
        }
    }

    @Command(name = "remove-stop", mixinStandardHelpOptions = true, description = "Removes a place by its id.")
    static final class RemoveStop extends StoreCommand<CliStore.Routes> {
        @Parameters(index = "0", paramLabel = "ID")
        UUID id;

        RemoveStop() {
            super(CliStore::routes);
        }

        @Override
        protected int run(CliStore.Routes app, Actor actor) {
            app.routes().remove(actor, id);
            return 0;
        }
    }
}
