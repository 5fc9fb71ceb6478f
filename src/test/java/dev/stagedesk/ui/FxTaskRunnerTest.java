package dev.stagedesk.ui;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Work asked for after the window closed (a debounce timer firing late) is dropped, not thrown on the FX thread. */
class FxTaskRunnerTest {
    @Test
    void workAfterCloseIsDroppedQuietly() {
        FxTaskRunner runner = new FxTaskRunner();
        runner.close();
        AtomicBoolean ran = new AtomicBoolean();
        assertThatCode(() -> runner.run(() -> {
            ran.set(true);
            return 1;
        }, r -> { }, e -> { })).doesNotThrowAnyException();
        Assertions.assertThat(ran).isFalse();
    }
}
