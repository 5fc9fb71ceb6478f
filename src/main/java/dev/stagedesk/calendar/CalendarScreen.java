package dev.stagedesk.calendar;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.BookingQuery;
import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.settings.SettingsService;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/** A month of bookings and holds, by day in the agency's time zone; loads only the visible weeks. */
public final class CalendarScreen implements Screen {
    private static final int PER_DAY = 4;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final BookingQuery query;
    private final SettingsService settings;
    private final Clock clock;
    private final UiContext ui;
    private final BorderPane root = new BorderPane();
    private final GridPane grid = new GridPane();
    private final Label title = new Label();
    private YearMonth month;
    private long generation;

    public CalendarScreen(BookingQuery query, SettingsService settings, Clock clock, UiContext ui) {
        this.query = query;
        this.settings = settings;
        this.clock = clock;
        this.ui = ui;
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        title.setId("calendarTitle");
        Button prev = new Button("‹");
        prev.setId("calendarPrev");
        prev.setOnAction(e -> go(month.minusMonths(1)));
        Button next = new Button("›");
        next.setId("calendarNext");
        next.setOnAction(e -> go(month.plusMonths(1)));
        Button today = new Button(tr("calendar.today"));
        today.setId("calendarToday");
        today.setOnAction(e -> go(null));
        HBox header = new HBox(8, title, prev, today, next);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 10, 0));
        grid.setId("calendarGrid");
        grid.setHgap(2);
        grid.setVgap(2);
        for (int c = 0; c < 7; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / 7);
            grid.getColumnConstraints().add(cc);
        }
        root.setTop(header);
        root.setCenter(grid);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        go(month);
    }

    private void go(YearMonth target) {
        long mine = ++generation;
        ui.tasks().run(() -> {
            ZoneId zone = settings.requireAgency().timeZone();
            YearMonth m = target != null ? target : YearMonth.from(LocalDate.ofInstant(clock.instant(), zone));
            LocalDate first = m.atDay(1).with(DayOfWeek.MONDAY);
            if (first.isAfter(m.atDay(1))) {
                first = first.minusWeeks(1);
            }
            Instant from = first.atStartOfDay(zone).toInstant();
            Instant to = first.plusWeeks(6).atStartOfDay(zone).toInstant();
            List<BookingRow> rows = query.between(ui.actor(), from, to, 20_000);
            return new Loaded(m, first, zone, rows, LocalDate.ofInstant(clock.instant(), zone));
        }, loaded -> {
            if (mine == generation) {
                show(loaded);
            }
        }, ui.errors());
    }

    private record Loaded(YearMonth month, LocalDate first, ZoneId zone, List<BookingRow> rows, LocalDate today) {
    }

    private void show(Loaded l) {
        month = l.month();
        title.setText(l.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + l.month().getYear());
        Map<LocalDate, List<BookingRow>> byDay = new HashMap<>();
        for (BookingRow r : l.rows()) {
            byDay.computeIfAbsent(LocalDate.ofInstant(r.startsAt(), l.zone()), d -> new ArrayList<>()).add(r);
        }
        grid.getChildren().clear();
        grid.getRowConstraints().clear();
        for (int c = 0; c < 7; c++) {
            Label name = new Label(DayOfWeek.of(c + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            name.getStyleClass().add(Styles.MUTED);
            grid.add(name, c, 0);
        }
        grid.getRowConstraints().add(new RowConstraints());
        for (int w = 0; w < 6; w++) {
            RowConstraints rc = new RowConstraints();
            rc.setVgrow(Priority.ALWAYS);
            rc.setPercentHeight(100.0 / 6.3);
            grid.getRowConstraints().add(rc);
            for (int d = 0; d < 7; d++) {
                LocalDate day = l.first().plusDays(w * 7L + d);
                grid.add(dayCell(day, l, byDay.getOrDefault(day, List.of())), d, w + 1);
            }
        }
    }

    private Node dayCell(LocalDate day, Loaded l, List<BookingRow> rows) {
        VBox cell = new VBox(2);
        cell.setId("day-" + day);
        cell.getStyleClass().add(Styles.CALENDAR_DAY);
        if (!YearMonth.from(day).equals(l.month())) {
            cell.getStyleClass().add(Styles.CALENDAR_OTHER_MONTH);
        }
        if (day.equals(l.today())) {
            cell.getStyleClass().add(Styles.CALENDAR_TODAY);
        }
        cell.setPadding(new Insets(4));
        cell.getChildren().add(new Label(Integer.toString(day.getDayOfMonth())));
        for (int i = 0; i < Math.min(PER_DAY, rows.size()); i++) {
            BookingRow r = rows.get(i);
            Label entry = new Label(TIME.format(r.startsAt().atZone(l.zone())) + " " + r.title());
            entry.getStyleClass().addAll(Styles.CALENDAR_ENTRY, "status-" + r.status().toLowerCase(Locale.ROOT));
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.setTooltip(new Tooltip(r.number() + " · " + r.title() + "\n" + (r.venueName() == null ? ""
                    : r.venueName()) + "\n" + r.status()));
            cell.getChildren().add(entry);
        }
        if (rows.size() > PER_DAY) {
            Label more = new Label(tr("calendar.more", rows.size() - PER_DAY));
            more.getStyleClass().add(Styles.MUTED);
            cell.getChildren().add(more);
        }
        return cell;
    }
}
