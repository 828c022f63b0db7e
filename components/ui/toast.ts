// Toasts without sonner in any page's first load: sonner (about 9 kB gzip) is fetched
// the first time a toast is shown, and its Toaster (components/ui/deferred-toaster.tsx)
// shows toasts raised before it mounted, so none is lost.
type ToastOptions = { description?: string };

const loadSonner = () => import("sonner");

export const toast = {
  success(message: string, options?: ToastOptions): void {
    void loadSonner().then(({ toast }) => toast.success(message, options));
  },
  error(message: string, options?: ToastOptions): void {
    void loadSonner().then(({ toast }) => toast.error(message, options));
  },
};
