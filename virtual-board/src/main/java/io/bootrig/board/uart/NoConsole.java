package io.bootrig.board.uart;

/** A board whose console is not connected anywhere: output is dropped, no input arrives. */
public final class NoConsole implements ConsoleEndpoint {
    @Override
    public String address() {
        return "none";
    }

    @Override
    public boolean connected() {
        return false;
    }

    @Override
    public void write(byte[] bytes, int length) {
        // nobody listens
    }

    @Override
    public void start(HostBytes sink) {
        // nothing ever arrives
    }

    @Override
    public void close() {
    }
}
