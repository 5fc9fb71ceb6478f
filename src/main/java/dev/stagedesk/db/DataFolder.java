package dev.stagedesk.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a store lives: {@code --data DIR}, else {@code STAGEDESK_DATA}, else the platform's per-user data
 * folder (Linux {@code ~/.local/share/stagedesk}, Windows {@code %APPDATA%\Stagedesk}, macOS
 * {@code ~/Library/Application Support/Stagedesk}).
 */
public record DataFolder(Path path) {

    public static DataFolder resolve(String option, Map<String, String> env, String osName, String userHome) {
        if (option != null && !option.isBlank()) {
            return new DataFolder(Path.of(option).toAbsolutePath().normalize());
        }
        String fromEnv = env.get("STAGEDESK_DATA");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataFolder(Path.of(fromEnv).toAbsolutePath().normalize());
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return new DataFolder(base.resolve("Stagedesk"));
        }
        if (os.contains("mac")) {
            return new DataFolder(Path.of(userHome, "Library", "Application Support", "Stagedesk"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return new DataFolder(base.resolve("stagedesk"));
    }

    public static DataFolder resolve(String option) {
        return resolve(option, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    /** The H2 database file name without its {@code .mv.db} suffix. */
    public Path storeBase() {
        return path.resolve("stagedesk");
    }

    public Path logs() {
        return path.resolve("logs");
    }

    public Path uiStateFile() {
        return path.resolve("window.properties");
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
