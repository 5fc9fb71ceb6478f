package dev.stagedesk.db;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.security.Actor;
import java.nio.file.Path;

/** Run by DurabilityTest in its own JVM: creates clients forever, printing "ACK n" after each commit. */
public final class DurabilityChild {
    private DurabilityChild() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        try (AppContext app = AppContext.open(new DataFolder(Path.of(args[0])))) {
            for (int i = 0; ; i++) {
                app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Durable " + args[1] + " " + i));
                System.out.println("ACK " + i);
                System.out.flush();
            }
        }
    }
}
