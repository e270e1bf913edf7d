package pe.xofi.chat.outbound.media;

import java.util.regex.Pattern;

/**
 * The shape of one provider's media ids. An id from a webhook is checked against it before it goes
 * into any URL, so {@code ../settings} or {@code 1/../../me} never reaches a request.
 *
 * @param provider the provider's name in failure reasons, e.g. {@code WHAPI}
 * @param what     what the id is called, e.g. {@code media id}
 * @param pattern  the whole id must match it; an id holding {@code ..} is refused whatever the pattern
 */
public record MediaIdFormat(String provider, String what, Pattern pattern) {

  /** {@code id} if it has this format, else a permanent {@code UNSAFE_SOURCE} failure (the id is not quoted). */
  public String require(String id) {
    if (id == null || !pattern.matcher(id).matches() || id.contains("..")) {
      throw new PermanentMediaFailure(MediaOutcome.UNSAFE_SOURCE,
          provider + " " + what + " is not in " + provider + "'s format");
    }
    return id;
  }
}
