package dev.stagedesk.cli;

import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.app.CliStores;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.security.Actor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in this JVM on a free port over H2 files, and two desktops that join it and sync through the command
 * line and HTTP: what one makes, the other has after both synced.
 */
class ServeCliTest {
    @TempDir
    Path tmp;

    @Test
    void twoDesktopsJoinAnAgencyOnServeAndWhatOneMakesTheOtherHasAfterBothSynced() throws Exception {
        Path server = tmp.resolve("server");
        Path office = tmp.resolve("office");
        Path laptop = tmp.resolve("laptop");

        CliTest.Run added = CliTest.run("serve", "agency", "add", "Test Agency", "--data", server.toString());
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("Agency Test Agency added (folder " + server + "). Its one-time code, "
                + "valid for 7 days:");
        String agencyCode = added.out().lines().toList().get(1).strip();
        assertThat(agencyCode).isNotBlank();

        StringWriter serveOut = new StringWriter();
        StringWriter serveErr = new StringWriter();
        AtomicReference<Cli.Outcome> served = new AtomicReference<>();
        Thread serving = new Thread(() -> served.set(Cli.run(new String[] {"serve", "--port", "0", "--host",
            "127.0.0.1", "--data", server.toString()}, new PrintWriter(serveOut), new PrintWriter(serveErr), Map.of(),
                new CliStores())), "serve-under-test");
        serving.start();
        String url = null;
        Pattern listening = Pattern.compile("Sync endpoint on (http://127\\.0\\.0\\.1:\\d+) for 1 agency");
        for (int i = 0; i < 600 && url == null; i++) {
            Matcher m = listening.matcher(serveOut.toString());
            if (m.find()) {
                url = m.group(1);
            } else {
                assertThat(serving.isAlive()).as(serveErr.toString()).isTrue();
                Thread.sleep(50);
            }
        }
        assertThat(url).as(serveOut + " " + serveErr).isNotNull();
        assertThat(serveOut.toString()).contains("Warning: without --tls-keystore the connection is not encrypted.");
        try {
            CliTest.initStore(office);
            UUID ada;
            try (AppContext app = AppContext.open(new DataFolder(office))) {
                ada = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
            }

            CliTest.Run notYet = CliTest.run("--data", office.toString(), "sync");
            assertThat(notYet.code()).isEqualTo(2);
            assertThat(notYet.err()).contains("This desktop is not connected to a sync server.");

            CliTest.Run joined = CliTest.run("--data", office.toString(), "sync", "connect", url, "--code",
                    agencyCode, "--name", "Office");
            assertThat(joined.code()).as(joined.out() + joined.err()).isZero();
            assertThat(joined.out()).contains("Connected to " + url + " as device 1 (Office).")
                    .contains("In step with " + url);

            CliTest.Run invited = CliTest.run("--data", office.toString(), "sync", "invite", "--name", "Laptop");
            assertThat(invited.code()).as(invited.err()).isZero();
            String deviceCode = invited.out().lines().toList().get(0).strip();
            assertThat(invited.out()).contains("Valid until ").contains("sync connect " + url + " --code " + deviceCode);

            CliTest.Run reused = CliTest.run("--data", laptop.toString(), "sync", "connect", url, "--code",
                    agencyCode, "--name", "Laptop");
            assertThat(reused.code()).isEqualTo(2);
            assertThat(reused.err()).contains("already used");

            CliTest.Run laptopJoined = CliTest.run("--data", laptop.toString(), "sync", "connect", url, "--code",
                    deviceCode, "--name", "Laptop");
            assertThat(laptopJoined.code()).as(laptopJoined.out() + laptopJoined.err()).isZero();
            assertThat(laptopJoined.out()).contains("as device 2 (Laptop).");
            try (AppContext app = AppContext.open(new DataFolder(laptop))) {
                assertThat(app.database.dsl().fetchValue(CLIENT.NAME, CLIENT.ID.eq(ada))).isEqualTo("Ada Lovelace");
            }

            UUID grace;
            try (AppContext app = AppContext.open(new DataFolder(office))) {
                grace = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Grace Hopper")).id();
            }
            CliTest.Run status = CliTest.run("--data", office.toString(), "sync", "status");
            assertThat(status.out()).contains("Sync server: " + url).contains("This desktop: device 1 (Office)")
                    .contains("Changes waiting to be sent: 1").contains("Open conflicts: 0");

            CliTest.Run officeSync = CliTest.run("--data", office.toString(), "sync");
            assertThat(officeSync.code()).as(officeSync.err()).isZero();
            assertThat(officeSync.out()).contains("In step with " + url + ": 1 change sent");
            CliTest.Run laptopSync = CliTest.run("--data", laptop.toString(), "sync");
            assertThat(laptopSync.code()).as(laptopSync.err()).isZero();
            try (AppContext app = AppContext.open(new DataFolder(laptop))) {
                assertThat(app.database.dsl().fetchValue(CLIENT.NAME, CLIENT.ID.eq(grace))).isEqualTo("Grace Hopper");
            }

            CliTest.Run devices = CliTest.run("--data", office.toString(), "sync", "devices");
            assertThat(devices.out()).containsPattern("1\tOffice\tjoined .*\tlast seen .*\tthis desktop")
                    .containsPattern("2\tLaptop\tjoined .*\tlast seen ");
            assertThat(CliTest.run("--data", laptop.toString(), "sync", "conflicts").out())
                    .isEqualTo("No open conflicts." + System.lineSeparator());

            CliTest.Run revoked = CliTest.run("--data", office.toString(), "sync", "revoke", "Laptop");
            assertThat(revoked.code()).as(revoked.err()).isZero();
            assertThat(revoked.out()).contains("Device 2 (Laptop) can no longer sync.");
            CliTest.Run shut = CliTest.run("--data", laptop.toString(), "sync");
            assertThat(shut.code()).isEqualTo(2);
            assertThat(shut.err()).startsWith("Not in step with " + url + ": ").contains("removed");
        } finally {
            serving.interrupt();
            serving.join(30_000);
        }
        assertThat(serving.isAlive()).isFalse();
        assertThat(served.get().exitCode()).as(serveErr.toString()).isZero();
        assertThat(serveOut.toString()).contains("Sync endpoint stopped.");
    }

    @Test
    void serveRefusesWhatItCannotUseInWords() {
        Path server = tmp.resolve("server");
        CliTest.Run port = CliTest.run("serve", "--port", "70000", "--data", server.toString());
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("70000 is not a port");
        CliTest.Run tls = CliTest.run("serve", "--port", "0", "--tls-keystore", tmp.resolve("none.p12").toString(),
                "--data", server.toString());
        assertThat(tls.code()).isEqualTo(2);
        assertThat(tls.err()).contains("STAGEDESK_TLS_PASSWORD");
        CliTest.Run missing = CliTest.runAs(Map.of("STAGEDESK_TLS_PASSWORD", "x"), "serve", "--port", "0",
                "--tls-keystore", tmp.resolve("none.p12").toString(), "--data", server.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("The TLS key store " + tmp.resolve("none.p12") + " cannot be read.");
        CliTest.Run noName = CliTest.run("serve", "agency", "add", " ", "--data", server.toString());
        assertThat(noName.code()).isEqualTo(2);
        assertThat(noName.err()).contains("name");
    }
}
