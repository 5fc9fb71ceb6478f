package dev.stagedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.demo.DemoSize;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of every screen, light and dark, at 1280×720 and 1920×1080, for a person to look at (issue 18). Runs
 * only when asked: {@code -Dshots.dir=/tmp/shots}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "shots.dir", matches = ".+")
class ScreenshotsUiTest {
    @TempDir
    Path dir;
    UiFixture ui;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        var app = TestStore.open(dir);
        app.demo.generate(Actor.owner(), DemoSize.SMALL.plan(), 42, false, DemoDataService.Progress.NONE);
        ui = new UiFixture(app, stage);
        ui.shell.notices().setToasts(false);
    }

    @AfterEach
    void close() {
        Theme.LIGHT.apply();
        ui.close();
    }

    @Test
    void everyScreenInBothThemesAtTwoSizes(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("shots.dir"));
        Files.createDirectories(out);
        // a window larger than the (headless) screen cannot be drawn: -Dheadless.geometry=1920x1080-32 for the big one
        Rectangle2D screen = Screen.getPrimary().getBounds();
        for (int[] size : List.of(new int[] {1280, 720}, new int[] {1920, 1080}).stream()
                .filter(s -> s[0] <= screen.getWidth() && s[1] <= screen.getHeight()).toList()) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            UiFixture.until(() -> stage.getScene().getWidth() == size[0]);
            for (Theme theme : Theme.values()) {
                robot.interact(theme::apply);
                for (Area area : Area.values()) {
                    robot.interact(() -> ui.shell.show(area));
                    settle();
                    String name = size[0] + "x" + size[1] + "-" + theme.name().toLowerCase() + "-" + area.name().toLowerCase();
                    shoot(out.resolve(name + ".png"));
                    var tabs = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                            .filter(t -> t.isVisible() && t.getScene() != null).toList();
                    for (TabPane pane : tabs) {
                        for (Tab tab : List.copyOf(pane.getTabs()).subList(1, pane.getTabs().size())) {
                            robot.interact(() -> pane.getSelectionModel().select(tab));
                            settle();
                            shoot(out.resolve(name + "-" + (tab.getId() == null ? pane.getTabs().indexOf(tab) : tab.getId()) + ".png"));
                        }
                    }
                    WaitForAsyncUtils.clearExceptions();
                }
            }
        }
        try (var files = Files.list(out)) {
            assertThat(files.count()).isGreaterThan(40);
        }
    }

    private void settle() {
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(Path file) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
    }
}
