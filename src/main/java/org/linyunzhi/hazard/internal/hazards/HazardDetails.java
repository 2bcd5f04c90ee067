package org.linyunzhi.hazard.internal.hazards;

import java.util.UUID;
import org.linyunzhi.hazard.internal.catalogue.Catalogue;
import org.linyunzhi.hazard.internal.catalogue.Category;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * One hazard for a reader: within their scope, with its history, photos, the category as it stood
 * in the catalogue version the hazard was filed under, and the actions open to the reader.
 */
@Component
class HazardDetails {

    private final Hazards hazards;
    private final HazardPhotos photos;
    private final Catalogue catalogue;
    private final HazardLifecycle lifecycle;

    HazardDetails(Hazards hazards, HazardPhotos photos, Catalogue catalogue, HazardLifecycle lifecycle) {
        this.hazards = hazards;
        this.photos = photos;
        this.catalogue = catalogue;
        this.lifecycle = lifecycle;
    }

    HazardView view(UUID id, CurrentUser user) {
        Hazard hazard = hazards.find(id, user.scope()).orElseThrow(HazardRefused::notFound);
        return view(hazard, user);
    }

    HazardView view(Hazard hazard, CurrentUser user) {
        Hazard.Filed f = hazard.filed();
        String categoryName = catalogue.categoryAsOf(f.categoryCode(), f.catalogueVersion()).map(Category::name)
                .orElse(f.categoryCode());
        return HazardView.of(hazard, categoryName, hazard.actionsFor(lifecycle.actor(user)), hazards.timeline(f.id()),
                photos.of(f.id()));
    }

    /** A photo of a hazard in the reader's scope. */
    HazardPhotos.Content photo(UUID hazardId, UUID photoId, CurrentUser user) {
        hazards.find(hazardId, user.scope()).orElseThrow(HazardRefused::notFound);
        return photos.content(hazardId, photoId).orElseThrow(HazardRefused::notFound);
    }
}
