// English text of the RedNote kit's pictures as RedNote will show them (3:4, cropped around
// a focus point or padded with white), merged into en.ts.
export const picturesEn = {
  "rednote.pictures.title": "Pictures as RedNote shows them",
  "rednote.pictures.hint":
    "Drag or click on a picture to choose what the 3:4 crop keeps; on the point, the arrow keys move it (Shift: further) and Home centres it.",
  "rednote.pictures.padNote": "Padding shows the whole picture on white bars, so there is no focus point to choose.",
  "rednote.pictures.empty": "RedNote needs 1 to 18 pictures: add at least one, it has no text-only notes.",
  "rednote.pictures.leftOut": "{count} more are left out: RedNote takes at most 18 pictures.",
  "rednote.pictures.asItIs": "GIF or WebP: sent as it is, not made 3:4.",
  "rednote.pictures.alreadyThreeByFour": "Already 3:4: nothing is cut off.",
  "rednote.pictures.focusAt": "Keeps {x} across, {y} down",
  "rednote.pictures.focusLabel": "Focus point of picture {number}, {name}: {x} across, {y} down",
  "rednote.pictures.centre": "Centre",
  "rednote.pictures.centreLabel": "Crop {name} around its centre",
  "rednote.pictures.previewAlt": "{name} at 3:4, as RedNote shows it",
} as const;
