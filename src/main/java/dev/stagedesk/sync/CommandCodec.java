package dev.stagedesk.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.LocalCommand;
import java.util.Map;
import java.util.TreeMap;

/**
 * Commands as JSON, by a stable type name (the class name below dev.stagedesk, e.g.
 * {@code booking.BookingService$CreateBooking}) and a schema version. A command whose record changes shape gets a
 * new version and, where old desktops may still send the old one, a reading of it here.
 */
public final class CommandCodec {
    /** The version every command has until its shape changes. */
    public static final int VERSION = 1;
    private static final String PREFIX = "dev.stagedesk.";

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final Map<String, Class<?>> types = new TreeMap<>();

    public CommandCodec(CommandBus bus) {
        for (Class<?> t : bus.commandTypes()) {
            if (!LocalCommand.class.isAssignableFrom(t)) {
                types.put(typeName(t), t);
            }
        }
    }

    public static String typeName(Class<?> type) {
        String n = type.getName();
        return n.startsWith(PREFIX) ? n.substring(PREFIX.length()) : n;
    }

    public static boolean synced(Command<?> command) {
        return !(command instanceof LocalCommand);
    }

    public JsonNode write(Command<?> command) {
        return json.valueToTree(command);
    }

    public String text(Command<?> command) {
        try {
            return json.writeValueAsString(command);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + typeName(command.getClass()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The command a mutation carries; a {@link SyncRefused} (400) naming what is wrong when the type or version is
     * unknown or the fields do not fit.
     */
    public Command<?> read(String type, int version, JsonNode fields) {
        Class<?> t = types.get(type);
        if (t == null) {
            throw new SyncRefused(400, "Unknown kind of change: " + type);
        }
        if (version != VERSION) {
            throw new SyncRefused(400, "Unknown version " + version + " of " + type);
        }
        try {
            return (Command<?>) json.treeToValue(fields, t);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SyncRefused(400, "The change " + type + " cannot be read: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new SyncRefused(400, "The change " + type + " cannot be read: " + e.getMessage());
        }
    }

    public Command<?> read(String type, int version, String text) {
        try {
            return read(type, version, json.readTree(text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SyncRefused(400, "The change " + type + " is not JSON: " + e.getOriginalMessage());
        }
    }

    public ObjectMapper mapper() {
        return json;
    }
}
