package dev.stagedesk.cli;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.InstanceLock;
import dev.stagedesk.security.Actor;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the store of the data folder: takes the folder's lock, opens, runs, closes. */
abstract class StoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        DataFolder folder = ((StagedeskCommand) spec.root().userObject()).folder();
        try (InstanceLock lock = InstanceLock.acquire(folder); AppContext app = AppContext.open(folder)) {
            return run(app, Actor.owner());
        }
    }

    protected abstract int run(AppContext app, Actor actor) throws Exception;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
