package dev.stagedesk.command;

import dev.stagedesk.security.Permission;
import java.util.function.BiFunction;

/** Applies one kind of command inside the transaction the bus opened. */
public interface CommandHandler<C extends Command<R>, R> {

    /** The permission an actor needs to run the command; null only for sign-in, which anyone may attempt. */
    Permission permission(C command);

    /** Validates and applies; must record at least one audit entry through {@link CommandContext#audit}. */
    R handle(C command, CommandContext context);

    /** A handler from a fixed permission and a function. */
    static <C extends Command<R>, R> CommandHandler<C, R> of(Permission permission,
                                                            BiFunction<C, CommandContext, R> body) {
        return new CommandHandler<>() {
            @Override
            public Permission permission(C command) {
                return permission;
            }

            @Override
            public R handle(C command, CommandContext context) {
                return body.apply(command, context);
            }
        };
    }
}
