package dev.stagedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.common.Page;
import dev.stagedesk.testing.UiFixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 18: columns fit their content, a number column never elides, and the user's widths are remembered. */
@ExtendWith(ApplicationExtension.class)
class PagedTableUiTest {
    record Row(String number, String title, String amount) {
    }

    static final List<Row> ROWS = List.of(new Row("BK-2026-000972", "Summer gala in the old town hall", "12,500.00 EUR"),
            new Row("BK-2026-000973", "Wedding", "900.00 EUR"));

    /** A store in memory, as window.properties would keep it. */
    final Map<String, Map<String, Double>> saved = new ConcurrentHashMap<>();
    final ColumnWidths store = new ColumnWidths() {
        @Override
        public Map<String, Double> load(String table) {
            return saved.getOrDefault(table, Map.of());
        }

        @Override
        public void save(String table, Map<String, Double> widths) {
            saved.put(table, Map.copyOf(widths));
        }
    };
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private PagedTable<Row> show(FxRobot robot, double width) {
        PagedTable<Row> t = new PagedTable<>(new PagedListViewModel<>(TaskRunner.direct(), 50,
                r -> new Page<>(ROWS, ROWS.size(), 0), e -> { throw new AssertionError(e); }), "demo");
        t.column("Number", "number", Row::number, 60); // asked far too narrow, as the screens did
        t.column("Title", "title", Row::title, 60);
        t.numberColumn("Fee", "fee", Row::amount, 50);
        robot.interact(() -> {
            Scene scene = new Scene(new StackPane(t), width, 400);
            ColumnWidths.install(scene, store);
            stage.setScene(scene);
            stage.show();
            t.viewModel().reload();
        });
        UiFixture.until(() -> t.table().getItems().size() == 2 && !robot.lookup("#demoTable .table-cell").queryAll().isEmpty());
        robot.interact(t::fitColumns);
        return t;
    }

    static String shown(TableCell<?, ?> cell) {
        for (Node n : cell.getChildrenUnmodifiable()) {
            if (n instanceof Text text) {
                return text.getText();
            }
        }
        return cell.getText();
    }

    @Test
    void columnsFitTheirTextsAndNumbersAreNeverCut(FxRobot robot) {
        PagedTable<Row> t = show(robot, 380); // narrower than the three columns: they keep their widths and scroll
        for (TableCell<?, ?> cell : robot.lookup("#demoTable .table-cell").queryAllAs(TableCell.class)) {
            if (cell.getItem() != null && cell.getTableColumn().getText().matches("Number|Fee")) {
                assertThat(shown(cell)).as("cell of %s", cell.getTableColumn().getText()).isEqualTo(cell.getItem());
            }
        }
        TableColumn<Row, ?> number = t.table().getColumns().get(0);
        assertThat(number.getMinWidth()).as("a number column is never narrower than its texts").isGreaterThan(60);
        assertThat(PagedTable.isKeyColumn(number)).isTrue();
        assertThat(PagedTable.isKeyColumn(t.table().getColumns().get(2))).isTrue();
        assertThat(saved).as("fitting is not a user's resize").isEmpty();
    }

    @Test
    void aColumnTheUserResizedKeepsItsWidthNextTime(FxRobot robot) {
        PagedTable<Row> first = show(robot, 900);
        TableColumn<Row, ?> title = first.table().getColumns().get(1);
        double before = title.getWidth();
        robot.interact(() -> first.table().resizeColumn(title, 80)); // what dragging the header's edge does
        UiFixture.until(() -> saved.containsKey("demoTable"));
        assertThat(saved.get("demoTable").get("Title")).isCloseTo(before + 80, Offset.offset(1.0));

        PagedTable<Row> again = show(robot, 900);
        assertThat(again.table().getColumns().get(1).getWidth()).isCloseTo(before + 80,
                Offset.offset(1.0));
        // a remembered width never makes a number column cut its texts
        saved.put("demoTable", Map.of("Number", 20.0));
        PagedTable<Row> third = show(robot, 900);
        assertThat(third.table().getColumns().get(0).getWidth()).isGreaterThan(60);
        for (TableCell<?, ?> cell : robot.lookup("#demoTable .table-cell").queryAllAs(TableCell.class)) {
            if (cell.getItem() != null && cell.getTableColumn().getText().equals("Number")) {
                assertThat(shown(cell)).isEqualTo(cell.getItem());
            }
        }
    }
}
