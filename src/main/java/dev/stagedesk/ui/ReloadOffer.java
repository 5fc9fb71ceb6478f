package dev.stagedesk.ui;

import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.UserFacingException;
import java.util.concurrent.CompletionException;

/**
 * A stale edit that was refused, with what the screen does to show the record as it now is. The error handler of
 * the window shows the message with a "Reload" button that runs {@link #reload()} ({@link ErrorDialog}); a test's
 * collecting handler can run it itself.
 */
public final class ReloadOffer extends UserFacingException {
    private final transient ConcurrentEditException refusal;
    private final transient Runnable reload;

    public ReloadOffer(ConcurrentEditException refusal, Runnable reload) {
        super(refusal.getMessage());
        this.refusal = refusal;
        this.reload = reload;
        initCause(refusal);
    }

    public ConcurrentEditException refusal() {
        return refusal;
    }

    /** Loads the record again (with its new version) into the screen that was refused. */
    public void reload() {
        reload.run();
    }

    /** The refusal inside {@code error} (a task's wrapper, a cause), or null when it is something else. */
    public static ConcurrentEditException staleIn(Throwable error) {
        Throwable e = error;
        int depth = 0;
        while (e != null && depth++ < 10) {
            if (e instanceof ConcurrentEditException c) {
                return c;
            }
            if (!(e instanceof CompletionException) && !(e instanceof UserFacingException)
                    && e.getCause() == null) {
                return null;
            }
            e = e.getCause();
        }
        return null;
    }
}
