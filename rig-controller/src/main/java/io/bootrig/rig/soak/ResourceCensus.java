package io.bootrig.rig.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What this JVM holds that could leak: child processes (OpenOCD, virtual boards), open file descriptors, and the
 * sockets among them (/proc/self/fd on Linux). Jar files and the JVM's random devices are not counted: the JVM opens
 * them on first use and keeps them, which is not a leak.
 *
 * @param processes descendant processes still alive, described as "pid command"
 */
public record ResourceCensus(List<String> processes, int fileDescriptors, int sockets) {

    public static ResourceCensus take() {
        List<String> children = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).sorted().toList();
        int fds = 0;
        int sockets = 0;
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : entries.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.endsWith(".jar") || target.startsWith("/dev/urandom") || target.startsWith("/dev/random")) {
                        continue;
                    }
                    fds++;
                    if (target.startsWith("socket:")) {
                        sockets++;
                    }
                } catch (IOException gone) {
                    // the descriptor closed while we looked: not held
                }
            }
        } catch (IOException e) {
            return new ResourceCensus(children, -1, -1);
        }
        return new ResourceCensus(children, fds, sockets);
    }
}
