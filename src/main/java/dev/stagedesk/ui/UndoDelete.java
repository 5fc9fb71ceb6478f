package dev.stagedesk.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The last deletion of a list and how to take it back: what the undo bar shows and does. */
public final class UndoDelete {
    private final StringProperty message = new SimpleStringProperty("");
    private Runnable undo;

    /** Empty when there is nothing to undo. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public void offer(String text, Runnable undoAction) {
        this.undo = undoAction;
        message.set(text);
    }

    public void undo() {
        Runnable u = undo;
        dismiss();
        if (u != null) {
            u.run();
        }
    }

    public void dismiss() {
        undo = null;
        message.set("");
    }
}
