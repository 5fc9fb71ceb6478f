package dev.stagedesk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * The window's root: the content, and above it at most one modal sheet (a form). Sheets stay inside the
 * window, so they never get lost behind it, and keyboard focus works the same headless as on a desktop.
 */
public final class ModalHost extends StackPane {
    private final StackPane backdrop = new StackPane();
    private final Node content;

    public ModalHost(Node content) {
        this.content = content;
        setId("modalHost");
        backdrop.getStyleClass().add("modal-backdrop");
        backdrop.setVisible(false);
        backdrop.setOnMouseClicked(e -> e.consume());
        getChildren().addAll(content, backdrop);
    }

    /** The host {@code node} is inside (normally the window's content root). */
    public static ModalHost of(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ModalHost host) {
                return host;
            }
        }
        Parent root = node.getScene() == null ? null : node.getScene().getRoot();
        if (root instanceof ModalHost host) {
            return host;
        }
        throw new IllegalStateException("The window's root is not a ModalHost");
    }

    /**
     * Runs {@code action} once {@code node} is in a window: a record opened from elsewhere may land in a tab
     * whose content is attached only at the next layout.
     */
    public static void whenShown(Node node, Runnable action) {
        if (node.getScene() != null) {
            action.run();
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o,
                                Scene a, Scene scene) {
                if (scene != null) {
                    node.sceneProperty().removeListener(this);
                    action.run();
                }
            }
        });
    }

    /** Sheets under the one shown: a form opened from a sheet (block dates from the availability view). */
    private final Deque<Node> under = new ArrayDeque<>();

    /** Shows a sheet; one already open waits underneath until this one closes. */
    public void open(Node sheet) {
        StackPane.setAlignment(sheet, Pos.CENTER);
        if (!backdrop.getChildren().isEmpty()) {
            under.push(backdrop.getChildren().get(0));
        }
        backdrop.getChildren().setAll(sheet);
        backdrop.setVisible(true);
        content.setDisable(true); // nothing behind the sheet takes focus, clicks or keys
    }

    /** Closes the sheet shown, back to the one under it, if any. */
    public void close() {
        if (!under.isEmpty()) {
            backdrop.getChildren().setAll(under.pop());
            return;
        }
        backdrop.getChildren().clear();
        backdrop.setVisible(false);
        content.setDisable(false);
    }

    public boolean isOpen() {
        return backdrop.isVisible();
    }
}
