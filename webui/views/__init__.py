"""webui/views"""
