package dev.stagedesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** Asks for a file to read. The console uses the system's dialog; UI tests answer with a path of their own. */
@FunctionalInterface
public interface OpenDialog {
    /** The file chosen, or empty when the user cancelled. */
    Optional<Path> ask(Node owner, String title);

    OpenDialog SYSTEM = (owner, title) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        File file = chooser.showOpenDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    };
}
