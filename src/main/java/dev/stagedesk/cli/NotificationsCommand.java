package dev.stagedesk.cli;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.notification.NotificationKind;
import dev.stagedesk.notification.NotificationQuery;
import dev.stagedesk.notification.Notifications;
import dev.stagedesk.security.Actor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "notifications", mixinStandardHelpOptions = true,
        description = "The signed-in user's notifications (--user): list, mark read, delete, choose kinds.",
        subcommands = {NotificationsCommand.ListCmd.class, NotificationsCommand.Read.class,
            NotificationsCommand.Delete.class, NotificationsCommand.Kinds.class})
final class NotificationsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Newest first: id, time, kind, read, title.")
    static final class ListCmd extends StoreCommand<CliStore.Notices> {
        @Option(names = "--unread", description = "Only the unread ones.")
        boolean unread;

        @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind (see `notifications kinds`).")
        String kind;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        ListCmd() {
            super(CliStore::notices);
        }

        @Override
        protected int run(CliStore.Notices app, Actor actor) {
            if (kind != null && !Notifications.KINDS.contains(kind)) {
                err().println(I18n.tr("notice.unknownKind", kind, String.join(", ", Notifications.KINDS)));
                return 2;
            }
            var page = app.notificationQuery().page(actor, new PageRequest("", null, false, 0, Math.max(1, limit)), kind,
                    unread);
            for (NotificationQuery.Row r : page.rows()) {
                out().println(String.join("\t", r.id().toString(), r.createdAt().toString(), r.kind(),
                        r.unread() ? "unread" : "read", r.title()));
            }
            err().println(I18n.tr("notices.count", page.total(), app.notificationQuery().unreadCount(actor)));
            return 0;
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true, description = "Marks notifications read (ids, or --all).")
    static final class Read extends StoreCommand<CliStore.Notices> {
        @Parameters(paramLabel = "ID", arity = "0..*")
        List<UUID> ids = new ArrayList<>();

        @Option(names = "--all", description = "Every unread notification (of --kind only, if given).")
        boolean all;

        @Option(names = "--kind", paramLabel = "KIND")
        String kind;

        @Option(names = "--unread", description = "Mark the ids unread again instead.")
        boolean unread;

        Read() {
            super(CliStore::notices);
        }

        @Override
        protected int run(CliStore.Notices app, Actor actor) {
            int n = all ? app.notifications().markAllRead(actor, kind) : app.notifications().markRead(actor, ids, !unread);
            out().println(n);
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes notifications by id.")
    static final class Delete extends StoreCommand<CliStore.Notices> {
        @Parameters(paramLabel = "ID", arity = "1..*")
        List<UUID> ids = new ArrayList<>();

        Delete() {
            super(CliStore::notices);
        }

        @Override
        protected int run(CliStore.Notices app, Actor actor) {
            out().println(app.notifications().delete(actor, ids));
            return 0;
        }
    }

    @Command(name = "kinds", mixinStandardHelpOptions = true,
            description = "Shows each kind and whether you get it; --off/--on change that.")
    static final class Kinds extends StoreCommand<CliStore.Notices> {
        @Option(names = "--off", paramLabel = "KIND", split = ",")
        List<String> off = new ArrayList<>();

        @Option(names = "--on", paramLabel = "KIND", split = ",")
        List<String> on = new ArrayList<>();

        Kinds() {
            super(CliStore::notices);
        }

        @Override
        protected int run(CliStore.Notices app, Actor actor) {
            Set<String> wanted = new LinkedHashSet<>(app.notificationQuery().wanted(actor));
            if (!off.isEmpty() || !on.isEmpty()) {
                wanted.removeAll(off);
                wanted.addAll(on);
                for (String k : off) {
                    if (!Notifications.KINDS.contains(k)) {
                        wanted.add(k); // named in the refusal
                    }
                }
                app.notifications().choose(actor, wanted);
                wanted = app.notificationQuery().wanted(actor);
            }
            for (String k : Notifications.KINDS) {
                out().println(k + "\t" + (wanted.contains(k) ? "on" : "off") + "\t" + Display.label(NotificationKind.class, k));
            }
            return 0;
        }
    }
}
