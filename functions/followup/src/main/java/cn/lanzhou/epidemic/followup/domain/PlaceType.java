package cn.lanzhou.epidemic.followup.domain;

/** Where the observation takes place: an observation site, or the person's home. */
public enum PlaceType { OBSERVATION, HOME }
