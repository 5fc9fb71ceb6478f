package dev.stagedesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
    @Test
    void optionWinsOverEnvironmentWhichWinsOverPlatformDefault() {
        Map<String, String> env = Map.of("STAGEDESK_DATA", "/srv/agency");
        assertThat(DataFolder.resolve("/tmp/x", env, "Linux", "/home/ana").path()).isEqualTo(Path.of("/tmp/x"));
        assertThat(DataFolder.resolve(null, env, "Linux", "/home/ana").path()).isEqualTo(Path.of("/srv/agency"));
    }

    @Test
    void platformDefaults() {
        assertThat(DataFolder.resolve(null, Map.of(), "Linux", "/home/ana").path())
                .isEqualTo(Path.of("/home/ana/.local/share/stagedesk"));
        assertThat(DataFolder.resolve(null, Map.of(), "Mac OS X", "/Users/ana").path())
                .isEqualTo(Path.of("/Users/ana/Library/Application Support/Stagedesk"));
        assertThat(DataFolder.resolve(null, Map.of("APPDATA", "/c/Users/ana/AppData/Roaming"), "Windows 11", "/c/Users/ana")
                .path()).isEqualTo(Path.of("/c/Users/ana/AppData/Roaming/Stagedesk"));
    }

    @Test
    void secondProcessOnTheSameFolderGetsAClearMessage(@TempDir Path dir) {
        DataFolder folder = new DataFolder(dir);
        try (InstanceLock first = InstanceLock.acquire(folder)) {
            assertThatThrownBy(() -> InstanceLock.acquire(folder))
                    .isInstanceOf(InstanceLock.AlreadyOpenException.class)
                    .hasMessage("Stagedesk is already open on " + dir + ". Switch to that window, or close it first.");
        }
        InstanceLock.acquire(folder).close();
    }
}
