package dev.stagedesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncryptionFormViewModelTest {
    static final TaskRunner NOW = TaskRunner.direct();

    static final class FakeStore implements StoreControl {
        final char[] current;
        final List<char[]> changes = new ArrayList<>();

        FakeStore(String current) {
            this.current = current == null ? null : current.toCharArray();
        }

        @Override
        public boolean encrypted() {
            return current != null;
        }

        @Override
        public boolean isCurrentPassphrase(char[] p) {
            return Arrays.equals(current, p);
        }

        @Override
        public void changeEncryption(char[] next) {
            changes.add(next);
        }
    }

    @Test
    void encryptingAPlainStoreNeedsALongEnoughPassphraseTypedTwice() {
        FakeStore store = new FakeStore(null);
        var vm = new EncryptionFormViewModel(store, NOW, e -> { throw new AssertionError(e); });
        boolean[] closed = {false};
        vm.passphrase.set("short");
        vm.submit(() -> closed[0] = true);
        assertThat(vm.state().errors()).containsKey("passphrase");
        vm.passphrase.set("blue whale sings");
        vm.repeatPassphrase.set("blue whale sang");
        vm.submit(() -> closed[0] = true);
        assertThat(vm.state().errors()).containsOnlyKeys("repeatPassphrase");
        assertThat(closed[0]).isFalse();
        assertThat(store.changes).isEmpty();
        vm.repeatPassphrase.set("blue whale sings");
        vm.submit(() -> closed[0] = true);
        assertThat(closed[0]).isTrue();
        assertThat(store.changes).hasSize(1);
        assertThat(new String(store.changes.get(0))).isEqualTo("blue whale sings");
    }

    @Test
    void changingOrRemovingNeedsTheCurrentPassphrase() {
        FakeStore store = new FakeStore("blue whale sings");
        var vm = new EncryptionFormViewModel(store, NOW, e -> { throw new AssertionError(e); });
        vm.remove.set(true);
        vm.currentPassphrase.set("grey whale sings");
        vm.submit(() -> { });
        assertThat(vm.state().errors()).containsOnlyKeys("currentPassphrase");
        assertThat(vm.state().errors().get("currentPassphrase")).isEqualTo("The passphrase is not right.");
        vm.currentPassphrase.set("blue whale sings");
        vm.submit(() -> { });
        assertThat(store.changes).hasSize(1);
        assertThat(store.changes.get(0)).isNull();
    }
}
