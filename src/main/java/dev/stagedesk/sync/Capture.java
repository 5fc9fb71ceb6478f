package dev.stagedesk.sync;

import java.util.function.Supplier;

/**
 * Whether the capture triggers note the rows the current thread writes. They are on while a synced command runs
 * (its rows become "changed here, not yet confirmed"), and off while pulled changes are applied or a command
 * that stays on this desktop runs.
 */
public final class Capture {
    private static final ThreadLocal<Integer> SUSPENDED = ThreadLocal.withInitial(() -> 0);

    private Capture() {
    }

    public static boolean suspended() {
        return SUSPENDED.get() > 0;
    }

    /** Runs {@code body} with capture off in this thread. */
    public static <T> T without(Supplier<T> body) {
        SUSPENDED.set(SUSPENDED.get() + 1);
        try {
            return body.get();
        } finally {
            SUSPENDED.set(SUSPENDED.get() - 1);
        }
    }

    static void suspend() {
        SUSPENDED.set(SUSPENDED.get() + 1);
    }

    static void resume() {
        SUSPENDED.set(SUSPENDED.get() - 1);
    }
}
