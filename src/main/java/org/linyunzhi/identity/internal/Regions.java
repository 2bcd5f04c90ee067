package org.linyunzhi.identity.internal;

import java.util.List;
import java.util.Optional;
import org.linyunzhi.identity.RegionDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Identity's view of the region tree, through the {@link RegionDirectory} the grid module provides.
 * Without one (identity running alone, or before the grid is set up) any well-formed code is accepted
 * and no names are shown: identity invents no regions of its own.
 */
@Component
class Regions {

    private final ObjectProvider<RegionDirectory> directory;

    Regions(ObjectProvider<RegionDirectory> directory) {
        this.directory = directory;
    }

    boolean available() {
        return directory.getIfAvailable() != null;
    }

    /** Whether the code names a node, as far as can be known. */
    boolean exists(String code) {
        RegionDirectory d = directory.getIfAvailable();
        return d == null || d.find(code).isPresent();
    }

    Optional<RegionDirectory.Region> find(String code) {
        RegionDirectory d = directory.getIfAvailable();
        return d == null || code == null ? Optional.empty() : d.find(code);
    }

    /** The node's name, or its code when the name is unknown. */
    String name(String code) {
        return find(code).map(RegionDirectory.Region::name).orElse(code);
    }

    List<RegionDirectory.Region> children(String code) {
        RegionDirectory d = directory.getIfAvailable();
        return d == null ? List.of() : d.children(code);
    }

    /** Well-formed region codes: digits only, 6 to 24 of them (county 6 … micro-grid 19). */
    static boolean wellFormed(String code) {
        return code != null && code.matches("\\d{6,24}");
    }
}
