import { z } from "zod";
import { isLookupId } from "@/lib/text/storable-text";

/** The [id] segment of a route: a value that could be one of our ids; anything else is answered "not found". */
export const lookupIdParams = z.object({ id: z.string().refine(isLookupId) });
