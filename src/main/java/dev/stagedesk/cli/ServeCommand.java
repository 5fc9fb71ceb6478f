package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.InstanceLock;
import dev.stagedesk.sync.ServerStore;
import dev.stagedesk.sync.SyncServer;
import dev.stagedesk.sync.http.SyncHttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the sync endpoint. Opens the endpoint's store (H2 files in the data folder, or the database of
 * {@code --db}), serves it over HTTP(S) ({@link SyncHttpServer}) and runs every agency's timed rules each minute,
 * until stopped (Ctrl+C, or an interrupt of the thread that runs it: the tests). {@code serve agency add NAME}
 * adds an agency and prints its one-time code.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the sync endpoint: desktops of the agencies it serves push and pull their changes here. "
                + "Runs until stopped (Ctrl+C).",
        subcommands = ServeCommand.Agency.class)
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    /** Where the endpoint keeps its data: shared by serve and its subcommands. */
    static final class Where {
        @Option(names = "--db", paramLabel = "JDBC-URL",
                description = "The endpoint's database, e.g. jdbc:postgresql://db:5432/stagedesk?user=...&password=... "
                        + "(default: H2 files in the data folder).")
        String db;

        @Option(names = "--data", paramLabel = "DIR",
                description = "The endpoint's data folder: its H2 files (without --db), its log (default: the "
                        + "stagedesk --data, STAGEDESK_DATA, else the per-user data folder).")
        String data;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    Where where = new Where();

    @Option(names = "--port", paramLabel = "N", defaultValue = "8443",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 takes a free one and prints it).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, every interface).")
    String host;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS with the key and certificate in this PKCS12 file (its password in "
                    + "STAGEDESK_TLS_PASSWORD). Without it, plain HTTP: for use behind a proxy that adds HTTPS.")
    Path tlsKeystore;

    @Option(names = "--max-body-mb", paramLabel = "MB", defaultValue = "16",
            description = "The largest request body taken, in MB (default: ${DEFAULT-VALUE}).")
    int maxBodyMb;

    @Override
    public Integer call() throws Exception {
        StagedeskCommand root = (StagedeskCommand) spec.root().userObject();
        if (port < 0 || port > 65_535) {
            throw new UserFacingException(I18n.tr("cli.serve.badPort", port));
        }
        if (maxBodyMb < 1 || maxBodyMb > 1024) {
            throw new UserFacingException(I18n.tr("cli.serve.badMaxBody", maxBodyMb));
        }
        SyncHttpServer.Options options = new SyncHttpServer.Options(host, port, maxBodyMb * 1024L * 1024L, null, null);
        if (tlsKeystore != null) {
            String password = root.env.get("STAGEDESK_TLS_PASSWORD");
            if (password == null) {
                throw new UserFacingException(I18n.tr("cli.serve.tlsPassword"));
            }
            options = options.withTls(tlsKeystore, password.toCharArray());
        }
        var out = spec.commandLine().getOut();
        boolean interrupted;
        CountDownLatch closed = new CountDownLatch(1);
        try (Opened opened = open(root, where); SyncServer server = new SyncServer(opened.store(), Clock.systemUTC());
             SyncHttpServer http = SyncHttpServer.start(server, server::agencies, options)) {
            String scheme = http.tls() ? "https" : "http";
            out.println(I18n.tr("cli.serve.listening", scheme, host, http.port(), server.agencies().size(),
                    opened.where()));
            if (!http.tls()) {
                out.println(I18n.tr("cli.serve.plainHttp"));
            }
            out.flush();
            interrupted = awaitStop(server, closed);
        } finally {
            closed.countDown();
        }
        out.println(I18n.tr("cli.serve.stopped"));
        if (interrupted) {
            Thread.currentThread().interrupt(); // after the server and the store closed: they wait for their threads
        }
        return 0;
    }

    /**
     * Runs the agencies' rules each minute until the process is asked to stop or this thread is interrupted; says
     * whether it was interrupted (the flag is cleared meanwhile, so the closing that follows can wait). On Ctrl+C
     * the JVM's shutdown waits (up to 30 s) until {@code closed} says the server and its stores are closed.
     */
    private static boolean awaitStop(SyncServer server, CountDownLatch closed) {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService rules = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "serve-rules");
            t.setDaemon(true);
            return t;
        });
        rules.scheduleWithFixedDelay(() -> {
            try {
                int done = server.runRules();
                if (done > 0) {
                    LOG.info("Timed rules did {} things", done);
                }
            } catch (RuntimeException e) {
                LOG.warn("Timed rules failed", e);
            }
        }, 1, 60, TimeUnit.SECONDS);
        boolean interrupted = false;
        try {
            stop.await();
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            rules.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
        return interrupted;
    }

    /**
     * The endpoint's store, and the lock on its data folder while it is H2 files there. The store is closed by the
     * {@link SyncServer} made over it; closing this releases the lock.
     */
    record Opened(ServerStore store, InstanceLock lock, String where) implements AutoCloseable {
        @Override
        public void close() {
            if (lock != null) {
                lock.close();
            }
        }
    }

    static Opened open(StagedeskCommand root, Where where) {
        DataFolder folder = where.data != null ? DataFolder.resolve(where.data) : root.folder();
        if (where.db != null && !where.db.isBlank()) {
            return new Opened(root.stores.serverStore(where.db.strip(), folder.path()), null,
                    I18n.tr("cli.serve.whereDb", redacted(where.db.strip())));
        }
        InstanceLock lock = InstanceLock.acquire(folder);
        try {
            return new Opened(root.stores.serverStore(null, folder.path()), lock,
                    I18n.tr("cli.serve.whereFolder", folder.path()));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A JDBC URL with its password left out, for the console and the log. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** {@code serve agency add NAME}. */
    @Command(name = "agency", mixinStandardHelpOptions = true, description = "The agencies this endpoint serves.",
            subcommands = Agency.Add.class)
    static final class Agency implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), I18n.tr("cli.serve.agencyWhat"));
        }

        @Command(name = "add", mixinStandardHelpOptions = true,
                description = "Adds an agency and prints its one-time code (valid 7 days), which its first desktop "
                        + "uses with 'sync connect'.")
        static final class Add implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @Mixin
            Where where = new Where();

            @Parameters(index = "0", paramLabel = "NAME", description = "The agency's name.")
            String name;

            @Override
            public Integer call() {
                StagedeskCommand root = (StagedeskCommand) spec.root().userObject();
                ServeCommand serve = (ServeCommand) spec.parent().parent().userObject();
                Where w = new Where();
                w.db = where.db != null ? where.db : serve.where.db;
                w.data = where.data != null ? where.data : serve.where.data;
                try (Opened opened = open(root, w);
                     SyncServer server = new SyncServer(opened.store(), Clock.systemUTC())) {
                    String code = server.agencyAdd(name);
                    var out = spec.commandLine().getOut();
                    out.println(I18n.tr("cli.serve.agencyAdded", name.strip(), opened.where()));
                    out.println(code);
                    out.println(I18n.tr("cli.serve.agencyCodeUse", code));
                    return 0;
                }
            }
        }
    }
}
