package dev.stagedesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Background threads for work, the FX thread for results: the one helper that hops between them. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService pool;

    public FxTaskRunner() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "stagedesk-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} on a worker and hands its result to the FX thread. Once the runner is closed (the window
     * is gone) work still asked for by a timer or a late callback is dropped, and results of work that was
     * running are not delivered: there is nobody left to show them to, and the store may be closed.
     */
    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (pool.isShutdown()) {
            return;
        }
        try {
            submit(work, onSuccess, onFailure);
        } catch (RejectedExecutionException closedMeanwhile) {
            // closed between the check and the submit: same as above
        }
    }

    private <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (!pool.isShutdown()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Throwable e) {
                Platform.runLater(() -> {
                    if (!pool.isShutdown()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
