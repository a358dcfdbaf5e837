package cn.lanzhou.epidemic.registration.domain;

/** Where registrations are kept. */
public interface Registrations {

    /**
     * Stores the registration unless one with its id is already stored (the same request run again
     * after a crash), and returns what is stored: the given one, or the one found.
     */
    Registration addIfAbsent(Registration registration);
}
