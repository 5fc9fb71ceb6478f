package dev.stagedesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** Asks where to save a file. The console uses the system's dialog; UI tests answer with a path of their own. */
@FunctionalInterface
public interface SaveDialog {
    /** The path chosen, or empty when the user cancelled. */
    Optional<Path> ask(Node owner, String title, String suggestedName, String extension);

    SaveDialog SYSTEM = (owner, title, suggestedName, extension) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT),
                "*." + extension));
        File home = new File(System.getProperty("user.home"), "Documents");
        chooser.setInitialDirectory(home.isDirectory() ? home : new File(System.getProperty("user.home")));
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    };
}
