package dev.stagedesk.app;

import java.util.Optional;
import dev.stagedesk.common.Language;
import dev.stagedesk.cli.CliStore;
import dev.stagedesk.common.Ids;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.UserService;
import dev.stagedesk.sync.ServerStore;
import java.nio.file.Path;
import dev.stagedesk.sync.SyncEndpoint;
import dev.stagedesk.sync.http.HttpSyncEndpoint;
import dev.stagedesk.sync.http.SyncHttpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import java.time.Clock;

/**
 * The command line's stores: the one place that opens an {@link AppContext} for a command and hands each command
 * the few services it uses ({@link CliStore}'s records). {@link Main} gives it to {@code Cli.run}.
 */
public final class CliStores implements CliStore.Opener {

    @Override
    public CliStore open(DataFolder folder, char[] passphrase) {
        return new Open(AppContext.open(folder, passphrase));
    }

    @Override
    public CliStore open(DataFolder folder, Database database, Clock clock) {
        return new Open(new AppContext(folder, database, clock, Ids.timeOrdered()));
    }

    @Override
    public ServerStore serverStore(String jdbcUrl, Path folder) {
        if (jdbcUrl == null) {
            return ServerStores.h2(folder, Clock.systemUTC());
        }
        // user and password from the URL (?user=...&password=...) or, kept out of the process list, the environment
        return ServerStores.jdbc(jdbcUrl, System.getenv("STAGEDESK_DB_USER"), System.getenv("STAGEDESK_DB_PASSWORD"),
                folder, Clock.systemUTC());
    }

    @Override
    public List<CliStore.SyncFigure> syncBench(Path dir, String jdbcUrl, boolean http, int mutations, int bookings, int rounds)
            throws Exception {
        List<SyncHttpServer> servers = new ArrayList<>();
        UnaryOperator<SyncEndpoint> transport = endpoint -> {
            if (!http) {
                return endpoint;
            }
            SyncHttpServer server = SyncHttpServer.start(endpoint, () -> { }, SyncHttpServer.Options.plain(0)
                    .withHost("127.0.0.1"));
            servers.add(server);
            return new HttpSyncEndpoint("http://127.0.0.1:" + server.port());
        };
        try {
            return new SyncBench(dir, clock -> jdbcUrl == null ? ServerStores.h2(dir.resolve("server"), clock)
                    : ServerStores.jdbc(jdbcUrl, System.getenv("STAGEDESK_DB_USER"),
                    System.getenv("STAGEDESK_DB_PASSWORD"), dir.resolve("server"), clock), transport)
                    .run(mutations, bookings, rounds).stream()
                    .map(r -> new CliStore.SyncFigure(r.what(), r.data(), r.samplesNanos(), r.perSecond())).toList();
        } finally {
            servers.forEach(SyncHttpServer::close);
        }
    }

    private static final class Open implements CliStore {
        private final AppContext app;
        private boolean closed;

        Open(AppContext app) {
            this.app = app;
        }

        @Override
        public UserService users() {
            return app.users;
        }

        @Override
        public Optional<Language> language(Actor actor) {
            return app.settings.language(actor);
        }

        @Override
        public CliStore changeEncryption(Actor actor, char[] current, char[] next) {
            AppContext reopened;
            try {
                reopened = StoreConversion.change(app, actor, current, next);
            } catch (StoreConversion.ReopenedAfterFailure e) {
                closed = true; // the conversion closed this store before it started
                e.store().close();
                throw (RuntimeException) e.getCause();
            }
            closed = true;
            return new Open(reopened);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                app.close();
            }
        }

        @Override
        public Audit audit() {
            return new Audit(app.backups, app.auditLog);
        }

        @Override
        public Backup backup() {
            return new Backup(app.backups, app.settings);
        }

        @Override
        public Restore restore() {
            return new Restore(app.users, app.database, app.auditLog, app.backups);
        }

        @Override
        public Setup setup() {
            return new Setup(app.users, app.bus, app.settings, app.folder);
        }

        @Override
        public Demo demo() {
            return new Demo(app.users, app.settings, app.demo, app.performerQuery, app.database);
        }

        @Override
        public Files files() {
            return new Files(app.csvSchemas(), app.csv, app.database, app.settings, app.agencyClock, app.ics);
        }

        @Override
        public Invoicing invoicing() {
            return new Invoicing(app.invoices, app.invoiceDocuments, app.database);
        }

        @Override
        public Payments payments() {
            return new Payments(app.payments, app.database, app.agencyClock);
        }

        @Override
        public Quotes quotes() {
            return new Quotes(app.quotes, app.quoteDocuments, app.inquiries, app.packages, app.settings);
        }

        @Override
        public Statements statements() {
            return new Statements(app.statements, app.database);
        }

        @Override
        public Reports reports() {
            return new Reports(app.financialReport);
        }

        @Override
        public Notices notices() {
            return new Notices(app.notificationQuery, app.notifications);
        }

        @Override
        public Search search() {
            return new Search(app.globalSearch);
        }

        @Override
        public Routes routes() {
            return new Routes(app.routeQuery, app.routes, app.places, app.database);
        }

        @Override
        public Placing placing() {
            return new Placing(app.places, app.bookings, app.database);
        }

        @Override
        public Rules rules() {
            return new Rules(app.dueRules);
        }

        @Override
        public Syncing syncing() {
            return new Syncing(app.sync, app.agencyClock);
        }

        @Override
        public Bench bench() {
            return new Bench(app.database, app.settings, app.demo, app.clients, app.clientQuery, app.bookingQuery,
                    app.availableQuery, app.inquiryQuery, app.globalSearch, app.ics, app.financialReport,
                    app.dashboardQuery, app.invoiceDocuments, app.csv, app.csvSchemas(), app.agencyClock);
        }
    }
}
