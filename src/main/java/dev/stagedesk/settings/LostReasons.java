package dev.stagedesk.settings;

import dev.stagedesk.security.Actor;
import java.util.List;

/**
 * The agency's reasons for a lost inquiry, which Settings edits: the inquiry feature (above settings) implements it
 * ({@code inquiry.InquiryService}), the composition root hands it to the settings screen.
 */
public interface LostReasons {
    List<String> lostReasons();

    /** Saves the list (one command); returns it as kept. */
    List<String> setLostReasons(Actor actor, List<String> reasons);
}
