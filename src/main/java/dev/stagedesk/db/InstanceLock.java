package dev.stagedesk.db;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * One process per data folder. An OS file lock (released by the OS when the process dies, even by SIGKILL),
 * so a second console or command gets "Stagedesk is already open on ..." instead of an H2 stack trace.
 */
public final class InstanceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static InstanceLock acquire(DataFolder folder) {
        try {
            Files.createDirectories(folder.path());
            FileChannel ch = FileChannel.open(folder.path().resolve("stagedesk.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new AlreadyOpenException(folder);
            }
            return new InstanceLock(ch, l);
        } catch (IOException e) {
            throw new UserFacingException(I18n.tr("store.folderUnusable", folder, e.getMessage()));
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        }
    }

    /** Another Stagedesk process holds the folder. */
    public static final class AlreadyOpenException extends UserFacingException {
        public AlreadyOpenException(DataFolder folder) {
            super(I18n.tr("store.alreadyOpen", folder));
        }
    }
}
