package io.bootrig.board.soc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered flash listeners; a listener that throws is logged and does not disturb the bus. */
final class FlashListeners {
    private static final Logger LOG = LoggerFactory.getLogger(FlashListeners.class);

    private final List<FlashListener> listeners = new CopyOnWriteArrayList<>();

    void add(FlashListener listener) {
        listeners.add(listener);
    }

    void remove(FlashListener listener) {
        listeners.remove(listener);
    }

    void publish(FlashEvent event) {
        LOG.debug("{}", event);
        for (FlashListener listener : listeners) {
            try {
                listener.onFlashEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("flash listener {} failed on {}", listener, event, e);
            }
        }
    }
}
