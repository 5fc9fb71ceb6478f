package dev.stagedesk.ui;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.UserFacingException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/** Shows a refusal as a plain message, and anything unexpected with its details and "Copy details". */
public final class ErrorDialog {
    private ErrorDialog() {
    }

    public static void show(Window owner, Throwable error) {
        if (error instanceof ReloadOffer offer) {
            Alert a = new Alert(Alert.AlertType.WARNING, offer.getMessage());
            a.setHeaderText(null);
            a.setTitle(tr("app.title"));
            ButtonType reload = new ButtonType(tr("record.reload"), ButtonBar.ButtonData.OK_DONE);
            a.getButtonTypes().setAll(reload, ButtonType.CLOSE);
            if (owner != null) {
                a.initOwner(owner);
            }
            a.setOnHidden(ev -> {
                if (a.getResult() == reload) {
                    offer.reload();
                }
            });
            a.show();
            return;
        }
        Throwable e = unwrap(error);
        if (e instanceof UserFacingException) {
            Alert a = new Alert(Alert.AlertType.WARNING, e.getMessage(), ButtonType.OK);
            a.setHeaderText(null);
            a.setTitle(tr("app.title"));
            if (owner != null) {
                a.initOwner(owner);
            }
            a.show();
            return;
        }
        StringWriter details = new StringWriter();
        e.printStackTrace(new PrintWriter(details));
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setTitle(tr("error.title"));
        a.setHeaderText(tr("error.header"));
        a.setContentText(String.valueOf(e.getMessage()));
        TextArea area = new TextArea(details.toString());
        area.setEditable(false);
        area.setPrefRowCount(14);
        a.getDialogPane().setExpandableContent(area);
        ButtonType copy = new ButtonType(tr("error.copy"), ButtonBar.ButtonData.LEFT);
        a.getButtonTypes().setAll(copy, ButtonType.CLOSE);
        a.getDialogPane().lookupButton(copy).addEventFilter(ActionEvent.ACTION, ev -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(details.toString());
            Clipboard.getSystemClipboard().setContent(content);
            ev.consume();
        });
        if (owner != null) {
            a.initOwner(owner);
        }
        a.show();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof java.lang.reflect.InvocationTargetException
                || (e.getCause() instanceof UserFacingException)) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
