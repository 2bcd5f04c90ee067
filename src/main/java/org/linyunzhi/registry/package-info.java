/**
 * Registry (人房企): houses, residents and organisations fused from several departments' files, with
 * the residents' ID-card and phone numbers encrypted at rest. Other modules see places (houses and
 * organisations, never people) through {@link org.linyunzhi.registry.RegistryApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.linyunzhi.registry;
