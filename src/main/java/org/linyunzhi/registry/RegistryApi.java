package org.linyunzhi.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules (inspection campaigns, the one map) may ask of the registry: places, never
 * people. Answers are not limited by the caller's data scope; the caller applies its own.
 */
public interface RegistryApi {

    /**
     * Places matching the filter in a stable order (region code, name), at most {@code limit}.
     *
     * @throws IllegalArgumentException on a bad filter (unknown type or use, a negative distance,
     *                                  a near geometry without a distance, a limit below 1)
     */
    List<RegistryPlace> places(PlaceFilter filter, int limit);

    Optional<RegistryPlace> place(UUID id);

    /** How many places match, for a preview before a campaign is created. */
    int count(PlaceFilter filter);
}
