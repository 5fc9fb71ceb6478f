package dev.stagedesk.sync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagedesk.sync.Answer;
import dev.stagedesk.sync.Mutation;
import dev.stagedesk.sync.Outcome;
import dev.stagedesk.sync.RowChange;
import dev.stagedesk.sync.SyncEndpoint.ConnectRequest;
import dev.stagedesk.sync.SyncEndpoint.Connected;
import dev.stagedesk.sync.SyncEndpoint.Device;
import dev.stagedesk.sync.SyncEndpoint.DeviceCode;
import dev.stagedesk.sync.SyncEndpoint.Page;
import dev.stagedesk.sync.SyncEndpoint.PullRequest;
import dev.stagedesk.sync.SyncEndpoint.RowKey;
import dev.stagedesk.sync.SyncEndpoint.Rows;
import dev.stagedesk.sync.SyncEndpoint.UploadPage;
import dev.stagedesk.sync.SyncRefused;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SyncHttpServer} over a {@link FakeEndpoint}, reached through {@link HttpSyncEndpoint} and through raw HTTP:
 * every route carries the protocol's records exactly, the token goes through as sent, and every kind of refusal is
 * a status with words.
 */
class SyncHttpServerTest {
    private static final String TOKEN = "tok-3f9a.secret";
    private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123456789Z");

    private final FakeEndpoint fake = new FakeEndpoint();
    private SyncHttpServer server;
    private HttpSyncEndpoint client;
    private final HttpClient raw = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = SyncHttpServer.start(fake, () -> { }, SyncHttpServer.Options.plain(0).withHost("127.0.0.1")
                .withMaxBody(64 * 1024));
        client = new HttpSyncEndpoint("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ObjectNode row(String name) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("id", "0190c0de-0000-7000-8000-000000000001");
        row.put("name", name);
        row.put("fee_minor", 125_050L);
        row.putNull("deleted_at");
        row.put("lat", 52.520008);
        return row;
    }

    @Test
    void everyRouteCarriesTheRecordsExactly() {
        UUID agency = UUID.randomUUID();
        UUID device = UUID.randomUUID();
        fake.connected = new Connected(agency, "Bühne & Co. — Ünïcødé 🎭", device, 2, "tok-new", true);
        ConnectRequest connect = new ConnectRequest("ABCD-1234", "Laptop", false);
        assertThat(client.connect(connect)).isEqualTo(fake.connected);
        assertThat(fake.last()).isEqualTo(new FakeEndpoint.Call("connect", null, connect));

        ObjectNode base = JsonNodeFactory.instance.objectNode();
        base.put("version", 3L);
        base.set("row", row("Gala"));
        ObjectNode command = JsonNodeFactory.instance.objectNode();
        command.put("title", "Gala");
        command.putArray("performers").add("p1").add("p2");
        command.putObject("nested").put("amountMinor", Long.MAX_VALUE);
        List<Mutation> mutations = List.of(
                new Mutation(UUID.randomUUID(), 1, "UpdateBooking", 2, command, base, "0001a2b3c4d5:0007:02",
                        UUID.randomUUID(), AT),
                new Mutation(UUID.randomUUID(), 2, "DeleteClient", 1, JsonNodeFactory.instance.objectNode(), null,
                        "0001a2b3c4d5:0008:02", null, AT.plusSeconds(1)));
        fake.answers = List.of(
                new Answer(mutations.get(0).id(), Outcome.APPLIED, 41, null, null, null),
                new Answer(mutations.get(1).id(), Outcome.DUPLICATE, 0, "already answered", UUID.randomUUID(),
                        Outcome.CONFLICT));
        assertThat(client.push(TOKEN, mutations)).isEqualTo(fake.answers);
        assertThat(fake.last()).isEqualTo(new FakeEndpoint.Call("push", TOKEN, mutations));

        fake.page = new Page(List.of(new RowChange(40, "client", "k1", row("Ada")),
                new RowChange(41, "booking_performer", "b1|p1", null)), 41, 57, true, true, "booking_performer|b1|p1");
        PullRequest pull = new PullRequest(39, 500, "client|k0");
        Page page = client.pull(TOKEN, pull);
        assertThat(page).isEqualTo(fake.page);
        assertThat(page.changes().get(1).deleted()).isTrue();
        assertThat(fake.last()).isEqualTo(new FakeEndpoint.Call("pull", TOKEN, pull));

        List<RowKey> keys = List.of(new RowKey("client", "k1"), new RowKey("venue", "v|2"));
        fake.rows = new Rows(List.of(new RowChange(40, "client", "k1", row("Ada"))), 57);
        assertThat(client.rows(TOKEN, keys)).isEqualTo(fake.rows);
        assertThat(fake.last()).isEqualTo(new FakeEndpoint.Call("rows", TOKEN, keys));

        UploadPage upload = new UploadPage(3, List.of(new RowChange(0, "venue", "v1", row("Hall"))), true);
        fake.uploadHead = 12_345_678_901L;
        assertThat(client.upload(TOKEN, upload)).isEqualTo(12_345_678_901L);
        assertThat(fake.last()).isEqualTo(new FakeEndpoint.Call("upload", TOKEN, upload));

        fake.code = new DeviceCode("K7Q2-M9XD", AT.plusSeconds(600));
        assertThat(client.invite(TOKEN, "Office PC")).isEqualTo(fake.code);
        assertThat(fake.last()).isEqualTo(new FakeEndpoint.Call("invite", TOKEN, "Office PC"));
        assertThat(client.invite(TOKEN, null)).isEqualTo(fake.code);
        assertThat(fake.last()).isEqualTo(new FakeEndpoint.Call("invite", TOKEN, null));

        fake.devices = List.of(new Device(device, 1, "Laptop", AT, AT.plusSeconds(5), 41, false),
                new Device(UUID.randomUUID(), 2, "Old PC", AT.minusSeconds(86_400), null, 0, true));
        assertThat(client.devices(TOKEN)).isEqualTo(fake.devices);
        assertThat(fake.last()).isEqualTo(new FakeEndpoint.Call("devices", TOKEN, null));

        client.revoke(TOKEN, device);
        assertThat(fake.last()).isEqualTo(new FakeEndpoint.Call("revoke", TOKEN, device));
    }

    @Test
    void instantsAreIsoTextAndNullsAreWrittenOut() throws Exception {
        fake.code = new DeviceCode("K7Q2", AT);
        HttpResponse<String> r = post("/v1/invite", "{\"deviceName\":null}", TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "application/json"));
        assertThat(r.body()).isEqualTo("{\"code\":\"K7Q2\",\"expires\":\"2026-11-21T10:15:30.123456789Z\"}");
        fake.answers = List.of(new Answer(UUID.fromString("0190c0de-0000-7000-8000-000000000001"), Outcome.APPLIED,
                7, null, null, null));
        assertThat(post("/v1/push", "{\"mutations\":[]}", TOKEN).body()).isEqualTo("{\"answers\":[{\"mutationId\":"
                + "\"0190c0de-0000-7000-8000-000000000001\",\"outcome\":\"APPLIED\",\"seq\":7,\"message\":null,"
                + "\"conflictId\":null,\"first\":null}]}");
    }

    @Test
    void theBearerTokenGoesThroughAsSentAndARequestWithoutOneIsRefused() throws Exception {
        fake.page = new Page(List.of(), 0, 0, false, false, null);
        assertThat(post("/v1/pull", "{\"cursor\":0,\"limit\":10,\"after\":null}", "  spaced.token  ").statusCode()).isEqualTo(200);
        assertThat(fake.last().token()).isEqualTo("spaced.token");

        int callsBefore = fake.calls.size();
        for (String header : new String[] {null, "Basic dXNlcjpwdw==", "Bearer ", "Bearer    "}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri("/v1/devices")).GET();
            if (header != null) {
                b.header("Authorization", header);
            }
            HttpResponse<String> r = raw.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(String.valueOf(header)).isEqualTo(401);
            assertThat(r.body()).contains("no device token");
        }
        assertThat(fake.calls).as("the endpoint is never asked without a token").hasSize(callsBefore);
    }

    @Test
    void aBodyThatIsNotTheRoutesIsA400NamingTheField() throws Exception {
        assertBad(post("/v1/pull", "{\"cursor\":0,\"limit\":10,\"after\":null,\"since\":5}", TOKEN), "does not know: since");
        assertBad(post("/v1/pull", "{\"cursor\":0,\"after\":null}", TOKEN), "lacks the field limit");
        assertBad(post("/v1/pull", "{\"cursor\":\"zero\",\"limit\":10,\"after\":null}", TOKEN),
                "field cursor of the request holds a value of the wrong kind");
        assertBad(post("/v1/pull", "{\"cursor\":null,\"limit\":10,\"after\":null}", TOKEN), "cursor");
        assertBad(post("/v1/pull", "{\"cursor\":0,", TOKEN), "not valid JSON");
        assertBad(post("/v1/pull", "", TOKEN), "has no body");
        assertBad(post("/v1/pull", "null", TOKEN), "has no body");
        assertBad(post("/v1/pull", "[1,2]", TOKEN), "");
        assertBad(post("/v1/connect", "{\"code\":\"A\",\"deviceName\":\"x\"}", null), "lacks the field hasData");
        assertBad(post("/v1/push", "{}", TOKEN), "lacks the field mutations");
        assertBad(post("/v1/push", "{\"mutations\":null}", TOKEN), "mutations");
        assertBad(post("/v1/push", "{\"mutations\":[null]}", TOKEN), "mutations[0]");
        String mutation = "{\"id\":\"0190c0de-0000-7000-8000-000000000001\",\"deviceSeq\":1,\"type\":\"X\","
                + "\"version\":1,\"command\":{},\"base\":null,\"hlc\":\"h\",\"userId\":null,\"at\":\"%s\"}";
        assertBad(post("/v1/push", "{\"mutations\":[" + mutation.formatted("2026-11-21T10:00:00Z") + ","
                + mutation.formatted("yesterday") + "]}", TOKEN), "mutations[1].at");
        assertBad(post("/v1/push", "{\"mutations\":[" + mutation.formatted("2026-11-21T10:00:00Z")
                .replace("\"hlc\":\"h\",", "") + "]}", TOKEN), "mutations[0].hlc");
        assertBad(post("/v1/push", "{\"mutations\":[" + mutation.formatted("2026-11-21T10:00:00Z")
                .replace("\"type\"", "\"kind\":1,\"type\"") + "]}", TOKEN), "mutations[0].kind");
        assertBad(post("/v1/rows", "{\"keys\":[{\"table\":\"client\"}]}", TOKEN), "keys[0].key");
        assertBad(post("/v1/devices/not-an-id/revoke", "", TOKEN), "'not-an-id' is not a device id");
        assertThat(fake.calls).as("a malformed request never reaches the endpoint").isEmpty();
    }

    private static void assertBad(HttpResponse<String> r, String words) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).startsWith("{\"error\":\"").contains(words);
    }

    @Test
    void refusalsKeepTheirStatusAndWordsAcrossTheWire() throws Exception {
        for (int status : new int[] {401, 403, 409, 410, 422, 429}) {
            fake.failWith = new SyncRefused(status, "Refused with " + status + " — “quoted” words");
            SyncRefused e = catchThrowableOfType(SyncRefused.class, () -> client.devices(TOKEN));
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).isEqualTo("Refused with " + status + " — “quoted” words");
        }
        fake.failWith = new SyncRefused(410, "This device was revoked.");
        HttpResponse<String> r = post("/v1/pull", "{\"cursor\":0,\"limit\":1,\"after\":null}", TOKEN);
        assertThat(r.statusCode()).isEqualTo(410);
        assertThat(r.body()).isEqualTo("{\"error\":\"This device was revoked.\"}");

        fake.failWith = new dev.stagedesk.common.UserFacingException("The code has expired.");
        SyncRefused e = catchThrowableOfType(SyncRefused.class,
                () -> client.connect(new ConnectRequest("X", "y", false)));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("The code has expired.");
    }

    @Test
    void aBodyOverTheLimitIsA413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String big = "{\"mutations\":[],\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        HttpResponse<String> declared = post("/v1/push", big, TOKEN);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("larger than this sync server takes (1 MB)");

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(uri("/v1/push")).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        HttpResponse<String> streamed = raw.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(fake.calls).isEmpty();

        assertThat(post("/v1/push", "{\"mutations\":[]}", TOKEN).statusCode()).as("still serving").isEqualTo(200);
    }

    @Test
    void anUnexpectedFailureIsA500WithoutItsDetailsAndTheServerGoesOn() throws Exception {
        fake.failWith = new IllegalStateException("SELECT secret FROM internals");
        HttpResponse<String> r = post("/v1/pull", "{\"cursor\":0,\"limit\":1,\"after\":null}", TOKEN);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("failed on this request (reference ").contains("details are in its log")
                .doesNotContain("secret").doesNotContain("Exception");
        SyncRefused e = catchThrowableOfType(SyncRefused.class, () -> client.devices(TOKEN));
        assertThat(e.status()).isEqualTo(500);

        fake.failWith = new StackOverflowError();
        HttpResponse<String> error = post("/v1/pull", "{\"cursor\":0,\"limit\":1,\"after\":null}", TOKEN);
        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.body()).startsWith("{\"error\":\"The sync server failed on this request (reference ");

        fake.failWith = null;
        fake.devices = List.of();
        assertThat(client.devices(TOKEN)).isEmpty();
    }

    @Test
    void unknownRoutesAndMethodsAnswerInJsonAndGermanIsSpokenWhenAsked() throws Exception {
        HttpResponse<String> r = post("/v1/nothing", "{}", TOKEN);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"error\":\"This sync server has no POST /v1/nothing.\"}");

        HttpResponse<String> de = raw.send(HttpRequest.newBuilder(uri("/v1/devices"))
                .header("Accept-Language", "de-AT,de;q=0.9,en;q=0.5").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(de.statusCode()).isEqualTo(401);
        assertThat(de.body()).contains("kein Geräte-Token");
    }

    @Test
    void healthSaysOkOrWhyTheDatabaseIsNot() throws Exception {
        HttpResponse<String> ok = raw.send(HttpRequest.newBuilder(uri("/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"status\":\"ok\",\"error\":null}");
        assertThat(client.health()).isEmpty();

        try (SyncHttpServer sick = SyncHttpServer.start(fake, () -> {
            throw new java.sql.SQLException("Connection is closed");
        }, SyncHttpServer.Options.plain(0).withHost("127.0.0.1"))) {
            HttpResponse<String> down = raw.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sick.port()
                    + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"unavailable\"")
                    .contains("cannot read its database: Connection is closed");
            assertThat(new HttpSyncEndpoint("http://127.0.0.1:" + sick.port()).health()).isPresent();
        }
    }

    @Test
    void servesOverTlsFromAPkcs12KeyStoreAndAnUntrustedCertificateIsRefusedInWords(@TempDir Path tmp)
            throws Exception {
        Path keystore = tmp.resolve("sync.p12");
        char[] password = "changeit-42".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sync", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(password), "-keypass",
                new String(password)).redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        var wrong = catchThrowableOfType(dev.stagedesk.common.UserFacingException.class, () -> SyncHttpServer.start(
                fake, null, SyncHttpServer.Options.plain(0).withHost("127.0.0.1").withTls(keystore,
                        "not-it".toCharArray())));
        assertThat(wrong.getMessage()).isEqualTo("The TLS key store " + keystore + " cannot be opened: it is not a "
                + "PKCS12 file, or the password (STAGEDESK_TLS_PASSWORD) is not its.");

        try (SyncHttpServer tls = SyncHttpServer.start(fake, () -> { }, SyncHttpServer.Options.plain(0)
                .withHost("127.0.0.1").withTls(keystore, password))) {
            String url = "https://localhost:" + tls.port();
            fake.devices = List.of();
            HttpSyncEndpoint trusting = new HttpSyncEndpoint(url, Duration.ofSeconds(5), Duration.ofSeconds(10),
                    trusting(keystore, password));
            assertThat(trusting.devices(TOKEN)).isEmpty();
            assertThat(fake.last().token()).isEqualTo(TOKEN);

            SyncRefused untrusted = catchThrowableOfType(SyncRefused.class,
                    () -> new HttpSyncEndpoint(url).devices(TOKEN));
            assertThat(untrusted.status()).isEqualTo(HttpSyncEndpoint.UNREACHABLE);
            assertThat(untrusted.getMessage()).isEqualTo("The sync server at " + url + " cannot be trusted: its "
                    + "certificate is not valid for this address or not signed by an authority this computer trusts.");

            SyncRefused plain = catchThrowableOfType(SyncRefused.class,
                    () -> new HttpSyncEndpoint("http://localhost:" + tls.port()).devices(TOKEN));
            assertThat(plain.getMessage()).startsWith("The s").doesNotContain("Exception");
        }
    }

    private static SSLContext trusting(Path keystore, char[] password) throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            server.load(in, password);
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("sync", server.getCertificate("sync"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return raw.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unused")
    private static JsonNode json(String text) throws Exception {
        return SyncJson.mapper().readTree(text);
    }
}
