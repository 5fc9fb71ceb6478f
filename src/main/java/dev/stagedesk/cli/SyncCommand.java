package dev.stagedesk.cli;

import dev.stagedesk.common.DateStyle;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.db.jooq.tables.records.SyncConflictRecord;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.sync.SyncEndpoint;
import dev.stagedesk.sync.SyncResult;
import dev.stagedesk.sync.SyncStatus;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sync}: one round with the sync endpoint (send what was made here, receive what the agency made elsewhere);
 * exit 0 when in step, 2 with the reason when not. Its subcommands join an agency ({@code connect}), say where this
 * desktop stands ({@code status}), invite another desktop, list and remove devices, and list open conflicts.
 * Times are shown in the agency's zone and the console's date style.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Syncs this desktop with the agency's sync endpoint once: sends the changes made here, receives "
                + "the others'. Exit 0 when in step, 2 with the reason when not.",
        subcommands = {SyncCommand.Connect.class, SyncCommand.Status.class, SyncCommand.Invite.class,
            SyncCommand.Devices.class, SyncCommand.Revoke.class, SyncCommand.Conflicts.class})
final class SyncCommand extends StoreCommand<CliStore.Syncing> {
    SyncCommand() {
        super(CliStore::syncing);
    }

    @Override
    protected int run(CliStore.Syncing app, Actor actor) {
        if (!app.sync().joined()) {
            throw new UserFacingException(I18n.tr("cli.sync.notJoined"));
        }
        return report(this, app, app.sync().sync());
    }

    /** Prints a round's result: exit 0 in step, 2 with the reason on stderr. */
    static int report(StoreCommand<?> command, CliStore.Syncing app, SyncResult r) {
        String url = app.sync().status().serverUrl();
        if (r.inStep()) {
            command.out().println(I18n.tr("cli.sync.inStep", url, r.pushed(), r.applied()));
        } else {
            command.out().println(I18n.tr("cli.sync.round", r.pushed(), r.applied()));
        }
        if (r.conflicts() > 0) {
            command.out().println(I18n.tr("cli.sync.newConflicts", r.conflicts()));
        }
        if (r.rejected() > 0) {
            command.out().println(I18n.tr("cli.sync.newRejected", r.rejected()));
        }
        if (!r.inStep()) {
            command.err().println(I18n.tr("cli.sync.notInStep", url, r.reason()));
            return 2;
        }
        return 0;
    }

    /** An instant as people read it: in the agency's zone, the console's date and time style. */
    static String when(CliStore.Syncing app, Instant at) {
        if (at == null) {
            return I18n.tr("cli.sync.never");
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, app.agencyClock().getZone());
        Locale formats = I18n.language().screenFormats(); // the computer's style when it speaks the language
        return DateStyle.date(formats).format(local) + " " + DateStyle.time(formats).format(local);
    }

    @Command(name = "connect", mixinStandardHelpOptions = true,
            description = "Joins the agency of a one-time code on a sync endpoint. The agency's first desktop sends "
                    + "its store; another one must be empty and receives the agency's.")
    static final class Connect extends StoreCommand<CliStore.Syncing> {
        @Parameters(index = "0", paramLabel = "URL", description = "The endpoint's address, e.g. https://sync.example.com:8443")
        String url;

        @Option(names = "--code", required = true, paramLabel = "CODE",
                description = "The one-time code: the agency's (from 'serve agency add') or a device code (from 'sync invite').")
        String code;

        @Option(names = "--name", paramLabel = "DEVICE", description = "This desktop's name (default: the computer's).")
        String name;

        Connect() {
            super(CliStore::syncing);
        }

        @Override
        protected int run(CliStore.Syncing app, Actor actor) {
            actor.require(Permission.SETTINGS_EDIT);
            String device = name != null && !name.isBlank() ? name.strip() : computerName();
            SyncResult first = app.sync().connect(url, code, device);
            SyncStatus s = app.sync().status();
            out().println(I18n.tr("cli.sync.connected", s.serverUrl(), s.deviceNo(), s.deviceName()));
            return report(this, app, first);
        }

        private static String computerName() {
            try {
                String host = InetAddress.getLocalHost().getHostName();
                return host == null || host.isBlank() ? I18n.tr("cli.sync.defaultName") : host;
            } catch (java.io.IOException e) {
                return I18n.tr("cli.sync.defaultName");
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Says where this desktop stands: its endpoint and device, when it was last in step, what is "
                    + "waiting to be sent, refused changes and open conflicts.")
    static final class Status extends StoreCommand<CliStore.Syncing> {
        Status() {
            super(CliStore::syncing);
        }

        @Override
        protected int run(CliStore.Syncing app, Actor actor) {
            SyncStatus s = app.sync().status();
            if (!s.joined()) {
                out().println(I18n.tr("cli.sync.notJoined"));
                if (s.openConflicts() > 0) {
                    out().println(I18n.tr("cli.sync.status.conflicts", s.openConflicts()));
                }
                return 0;
            }
            out().println(I18n.tr("cli.sync.status.server", s.serverUrl()));
            out().println(I18n.tr("cli.sync.status.device", s.deviceNo(), s.deviceName()));
            out().println(I18n.tr("cli.sync.status.last", when(app, s.lastSync())));
            out().println(I18n.tr("cli.sync.status.pending", s.pending()));
            out().println(I18n.tr("cli.sync.status.rejected", s.rejected()));
            for (var refused : app.sync().refused()) {
                out().println("  " + String.join("\t", when(app, refused.getRanAt()), refused.getCommandType(),
                        String.valueOf(refused.getAnswerMessage())));
            }
            out().println(I18n.tr("cli.sync.status.conflicts", s.openConflicts()));
            if (s.revoked()) {
                out().println(I18n.tr("cli.sync.status.revoked"));
            } else if (s.lastError() != null) {
                out().println(I18n.tr("cli.sync.status.error", s.lastError()));
            }
            return 0;
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true,
            description = "Prints a one-time code (valid 10 minutes) for another desktop to join this agency.")
    static final class Invite extends StoreCommand<CliStore.Syncing> {
        @Option(names = "--name", paramLabel = "DEVICE", description = "The name of the desktop that will join.")
        String name;

        Invite() {
            super(CliStore::syncing);
        }

        @Override
        protected int run(CliStore.Syncing app, Actor actor) {
            actor.require(Permission.SETTINGS_EDIT);
            SyncEndpoint.DeviceCode code = app.sync().invite(name == null || name.isBlank() ? null : name.strip());
            out().println(code.code());
            out().println(I18n.tr("cli.sync.invite.valid", when(app, code.expires()), app.sync().status().serverUrl(),
                    code.code()));
            return 0;
        }
    }

    @Command(name = "devices", mixinStandardHelpOptions = true,
            description = "Lists the agency's desktops: number, name, when each joined and was last seen.")
    static final class Devices extends StoreCommand<CliStore.Syncing> {
        Devices() {
            super(CliStore::syncing);
        }

        @Override
        protected int run(CliStore.Syncing app, Actor actor) {
            int self = app.sync().status().deviceNo();
            List<SyncEndpoint.Device> devices = app.sync().devices();
            for (SyncEndpoint.Device d : devices) {
                String state = d.revoked() ? I18n.tr("cli.sync.device.revoked")
                        : d.deviceNo() == self ? I18n.tr("cli.sync.device.this") : "";
                out().println(String.join("\t", Integer.toString(d.deviceNo()), d.name(),
                        I18n.tr("cli.sync.device.joined", when(app, d.joined())),
                        I18n.tr("cli.sync.device.seen", when(app, d.lastSeen())), state).stripTrailing());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Stops a desktop's sync (a lost or sold computer): its token no longer works.")
    static final class Revoke extends StoreCommand<CliStore.Syncing> {
        @Parameters(index = "0", paramLabel = "DEVICE", description = "The device's number (from 'sync devices'), id or name.")
        String device;

        Revoke() {
            super(CliStore::syncing);
        }

        @Override
        protected int run(CliStore.Syncing app, Actor actor) {
            actor.require(Permission.SETTINGS_EDIT);
            SyncEndpoint.Device d = find(app.sync().devices(), device);
            if (d.deviceNo() == app.sync().status().deviceNo()) {
                throw new UserFacingException(I18n.tr("cli.sync.revoke.self", d.deviceNo(), d.name()));
            }
            app.sync().revoke(d.id());
            out().println(I18n.tr("cli.sync.revoke.done", d.deviceNo(), d.name()));
            return 0;
        }

        static SyncEndpoint.Device find(List<SyncEndpoint.Device> devices, String what) {
            String w = what == null ? "" : what.strip();
            List<SyncEndpoint.Device> byName = devices.stream()
                    .filter(d -> d.name().toLowerCase(Locale.ROOT).equals(w.toLowerCase(Locale.ROOT))).toList();
            for (SyncEndpoint.Device d : devices) {
                if (Integer.toString(d.deviceNo()).equals(w) || d.id().toString().equalsIgnoreCase(w)) {
                    return d;
                }
            }
            if (byName.size() == 1) {
                return byName.get(0);
            }
            if (byName.size() > 1) {
                throw new UserFacingException(I18n.tr("cli.sync.revoke.ambiguous", w));
            }
            throw new UserFacingException(I18n.tr("cli.sync.revoke.unknown", w));
        }
    }

    @Command(name = "conflicts", mixinStandardHelpOptions = true,
            description = "Lists the agency's conflicts not yet settled: when, who, and what clashed.")
    static final class Conflicts extends StoreCommand<CliStore.Syncing> {
        Conflicts() {
            super(CliStore::syncing);
        }

        @Override
        protected int run(CliStore.Syncing app, Actor actor) {
            List<SyncConflictRecord> open = app.sync().openConflicts();
            if (open.isEmpty()) {
                out().println(I18n.tr("cli.sync.conflicts.none"));
                return 0;
            }
            for (SyncConflictRecord c : open) {
                out().println(String.join("\t", c.getId().toString(), when(app, c.getMadeAt()), c.getMadeBy(),
                        c.getMessage()));
            }
            out().println(I18n.tr("cli.sync.conflicts.count", open.size()));
            return 0;
        }
    }

}
